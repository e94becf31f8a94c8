import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableName } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { Pipeline } from "../../workers/engine/pipeline";
import { STAGES } from "../../workers/stages/index";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Rows of a query, loosely typed for assertions. */
export const queryRows = async <T = Record<string, any>>(pool: pg.Pool, text: string, params: unknown[] = []) =>
  (await pool.query(text, params)).rows as T[];

/**
 * A fresh database for the test file (`t`, set before its tests) and the pipeline a test may start on
 * it (`pipeline`), stopped after the file's tests before the database is dropped.
 */
export function pipelineTestDatabase(): { t: TestDatabase; pipeline?: Pipeline } {
  const context = {} as { t: TestDatabase; pipeline?: Pipeline };
  beforeAll(async () => {
    context.t = await createTestDatabase();
  });
  afterAll(async () => {
    await context.pipeline?.stop();
    await context.t?.drop();
  });
  return context;
}

export interface ChildWorker {
  child: ChildProcess;
  /** The exit signal (or code) once the process has ended. */
  exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
  /** SIGKILL to the worker's process group: the worker and any command it started (as killing its service would). */
  kill(): void;
  /** SIGKILL to the worker's process alone (as the OOM killer or `kill -9 <pid>`): what it started must end by itself. */
  killProcess(): void;
}

/**
 * `hopscape worker <args>` (bin/hopscape.mjs, as an operator starts it on another machine) in a child
 * process of its own process group. Not `node -e`: its flags would pass to the compute threads,
 * which cannot start with them.
 */
export function startChildWorker(databaseUrl: string, args: string[]): ChildWorker {
  const child = spawn(process.execPath, [path.join(root, "bin", "hopscape.mjs"), "worker", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return {
    child,
    exited,
    output: () => output,
    kill() {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    },
    killProcess() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/**
 * What every fault must leave behind: no run waiting or in flight, no graphile-worker job, every
 * failed run with its message, and every done run's result rows present exactly once: the rows of the
 * stage's output table for that input are the ones its result lists, no more.
 */
export async function settlementProblems(pool: pg.Pool): Promise<string[]> {
  const problems: string[] = [];
  for (const r of await queryRows(pool, "select stage, input_key, status from stage_runs where status in ('pending', 'queued', 'running')")) {
    problems.push(`${r.stage}:${r.input_key} is still ${r.status}`);
  }
  for (const j of await queryRows(pool, "select key, locked_by from graphile_worker.jobs")) problems.push(`job ${j.key} left (locked by ${j.locked_by})`);
  for (const r of await queryRows(pool, "select stage, input_key from stage_runs where status = 'failed' and coalesce(last_error, '') = ''")) {
    problems.push(`${r.stage}:${r.input_key} failed without a message`);
  }
  for (const stage of STAGES) {
    const table = getTableName(stage.output.table);
    const key = stage.output.key.name;
    const mismatched = await queryRows(
      pool,
      `select r.input_key, r.result -> 'ids' as listed, coalesce(jsonb_agg(o.id order by o.id) filter (where o.id is not null), '[]') as stored
         from stage_runs r left join ${table} o on o.${key}::text = r.input_key
        where r.stage = $1 and r.status = 'done'
        group by r.input_key, r.result
       having coalesce((select jsonb_agg(x order by x::bigint) from jsonb_array_elements(r.result -> 'ids') x), '[]')
              is distinct from coalesce(jsonb_agg(o.id order by o.id) filter (where o.id is not null), '[]')`,
      [stage.name],
    );
    for (const m of mismatched) problems.push(`${stage.name}:${m.input_key} lists ${JSON.stringify(m.listed)} but ${table} holds ${JSON.stringify(m.stored)}`);
  }
  return problems;
}
