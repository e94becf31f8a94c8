import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, createPool } from "../../db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { insertStructures, sleep, waitFor } from "./engine-fixtures";
import { queryRows, settlementProblems } from "./fault-fixtures";

let dataDir: string;
let server: EmbeddedPostgres | undefined;
let pool: pg.Pool;
let pipeline: Pipeline | undefined;
const quiet = () => ({ dataDir, log: () => undefined });

beforeAll(async () => {
  // A server of its own (the embedded one `npm start` runs): the shared test server must not be restarted.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "hopscape-fault-pg-"));
  // mkdtemp makes the directory private; as root, postgres runs as another user who must enter it.
  await fs.chmod(dataDir, 0o755);
  server = await startEmbeddedPostgres(quiet());
  pool = createPool(server.url, 4);
  await migrateDatabase(pool);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await pipeline?.stop();
  await pool?.end();
  await server?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const rows = <T = Record<string, any>>(text: string) => queryRows<T>(pool, text);

describe("PostgreSQL restarted in the middle of a run", () => {
  it("the running pipeline reconnects by itself and finishes every input once", async () => {
    // The outage's connection errors are expected: kept for the checks and for a failure's message.
    const logged: string[] = [];
    const keep = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    vi.spyOn(console, "error").mockImplementation(keep);
    vi.spyOn(console, "warn").mockImplementation(keep);
    const failWith = (e: Error) => {
      throw new Error(`${e.message}\nlogged:\n${logged.slice(-30).join("\n")}`);
    };

    const db = createDb(pool);
    await saveStageSettings(db, pathwaysStage, { autoBroaden: null, params: { keep: 2 } }, "test: two hops a structure, no broadening");
    const ids = await insertStructures(db, [liF(), caF2(), kMgF3(), liF(4.2)]);
    // As `hopscape worker` runs it: its own connections; recovery would take a worker silent for a
    // minute for dead, so every run is finished by this process, not recovered from it.
    pipeline = await startPipeline({
      connectionString: server!.url,
      stages: ["pathways", "measures"],
      concurrency: 2,
      tickMs: 300,
      heartbeatMs: 300,
    });
    await waitFor(
      "pathways found and measures under way",
      async () => {
        const [s] = await rows(`select
          (select count(*) from stage_runs where stage = 'pathways' and status = 'done')::int as searched,
          (select count(*) from stage_runs where stage = 'measures' and status in ('queued', 'running'))::int as measuring`);
        return s.searched >= 1 && s.measuring >= 1 ? s : undefined;
      },
      60_000,
    ).catch(failWith);

    const port = server!.port;
    await server!.stop();
    await sleep(3000);
    server = await startEmbeddedPostgres({ ...quiet(), port });
    expect(server.port).toBe(port);

    await waitFor(
      "the pipeline to settle after the restart",
      async () => {
        const [s] = await rows(`select
          (select count(*) from stage_runs where status in ('pending', 'queued', 'running'))::int as busy,
          (select count(*) from stage_runs where stage = 'pathways' and status in ('done', 'failed'))::int as searched,
          (select count(*) from pathways)::int as pathways,
          (select count(*) from stage_runs where stage = 'measures' and status in ('done', 'failed'))::int as measured,
          (select count(*) from graphile_worker.jobs)::int as jobs`);
        return s.busy === 0 && s.jobs === 0 && s.searched === ids.length && s.measured === s.pathways ? s : undefined;
      },
      60_000,
    ).catch(async (e: Error) =>
      failWith(new Error(`${e.message}: ${JSON.stringify(await rows("select stage, input_key, status, attempts, last_error from stage_runs where status <> 'done'"))}`)),
    );
    expect(await settlementProblems(pool)).toEqual([]);
    // Every input done, by the one process that ran before the restart.
    const outcomes = await rows("select stage, status, worker_id, count(*)::int as n from stage_runs group by 1, 2, 3 order by 1");
    expect(outcomes.map(({ stage, status, worker_id }) => ({ stage, status, worker_id }))).toEqual([
      { stage: "measures", status: "done", worker_id: pipeline.workerId },
      { stage: "pathways", status: "done", worker_id: pipeline.workerId },
    ]);
    expect(logged.some((m) => m.startsWith("[feeder] LISTEN connection lost"))).toBe(true);
    // The feeder listens again on a new connection (its last statement is its last LISTEN).
    await waitFor("the feeder's LISTEN on the restarted server", async () =>
      (await rows("select 1 from pg_stat_activity where query = 'listen hopscape_settings'")).length === 1 ? true : undefined,
    ).catch(failWith);

    // And it stops: no connection was left checked out by the outage (the pool would wait for it forever).
    const stopped = pipeline.stop().then(() => true);
    expect(await Promise.race([stopped, sleep(20_000).then(() => false)])).toBe(true);
    pipeline = undefined;
  }, 120_000);
});
