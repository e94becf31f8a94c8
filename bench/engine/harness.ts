import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { run, type Runner, type Task } from "graphile-worker";
import pg from "pg";
import { createDb, createPool } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { quietWorkerLogger } from "../../db/worker-logger";
import { resolveBaseServer, type BaseServer } from "../../tests/helpers/base-server";
import { adminQuery, databaseUrlFor } from "../../tests/helpers/database-admin";
import { acquireComputePool, releaseComputePool } from "../../workers/engine/compute-pool";
import { stageTaskIdentifier } from "../../workers/engine/define-stage";
import { startFeeder, type Feeder } from "../../workers/engine/feeder";
import { saveStageSettings } from "../../workers/engine/settings";
import { stageTask } from "../../workers/engine/stage-task";
import { registerWorker, type WorkerRegistration } from "../../workers/worker-registration";
import { NOOP_TABLES_SQL, noopStage, noopStageBatched } from "./noop-stage";
import type { AnyStage } from "../../workers/engine/define-stage";

/** The graphile-worker settings both sides run with (one runner runs both task kinds). */
export interface WorkerSettings {
  concurrency: number;
  pollInterval: number;
  /** Jobs a runner fetches and locks per query (-1: off, each worker fetches its own job). */
  localQueueSize: number;
  /** ms to gather job completions into one query (-1: off, one query per job). */
  completeJobBatchDelay: number;
  failJobBatchDelay: number;
}

export const RAW_TASK = "bench_raw_noop";

export interface Measurement {
  jobs: number;
  ms: number;
  /** CPU time of this process (main thread and compute threads). */
  nodeCpuMs: number;
  /** CPU time of the database's server processes for the bench database, when the server runs on this machine. */
  dbCpuMs?: number;
  /** Statements this process sent to PostgreSQL during the phase (graphile-worker's, the engine's and the feeder's). */
  statements: number;
  /** Feeder ticks of the no-op stage during the phase, and how many of them claimed input. */
  ticks: number;
  claimingTicks: number;
  /** Tasks graphile-worker ran (for a batched stage, fewer than its runs). */
  tasks: number;
}

/**
 * Statements sent by every pg client of this process so far (graphile-worker, drizzle and the feeder
 * all use the one pg package): a count that, unlike time, does not depend on what else the machine runs.
 */
let statementsSent = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statementsSent++;
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

/** CPU ms used so far by the server processes of the bench database (Linux /proc, server on this machine), or undefined. */
async function databaseCpuMs(pool: pg.Pool): Promise<number | undefined> {
  const { rows } = await pool.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database()");
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      // utime and stime are fields 14 and 15; the command (field 2) may hold spaces, so count after its ")".
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return ticks * 10;
}

export interface EngineCheck {
  done: number;
  other: number;
  outputs: number;
  jobsLeft: number;
}

export interface Bench {
  /** N raw jobs, added in one add_jobs call, until the last is completed (deleted) by the runner. */
  raw(jobs: number): Promise<Measurement>;
  /**
   * N inputs of the no-op stage (`batched`: the one whose jobs take up to NOOP_BATCH_SIZE inputs),
   * inserted in one statement, until the last run is done and its job completed. The other no-op
   * stage is paused meanwhile.
   */
  engine(jobs: number, batched?: boolean): Promise<Measurement>;
  /** The stage's runs (done and otherwise), its output rows and jobs left after its last engine phase. */
  check(batched?: boolean): Promise<EngineCheck>;
  databaseName: string;
  close(): Promise<void>;
}

/** The server the bench database is made on: DATABASE_URL's, else as the tests find one (TEST_DATABASE_URL, :5432, embedded). */
async function baseServer(): Promise<Pick<BaseServer, "url" | "stop">> {
  const url = process.env.DATABASE_URL;
  return url ? { url } : resolveBaseServer();
}

/**
 * Drops the bench database once the ended pools' connections have gone (pool.end does not wait for
 * their sockets to close, and FORCE would have them report the termination as an error).
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * A database made for the run (`bench_engine_<random>`), one graphile-worker runner with a raw no-op
 * task and the no-op stage's task, and the stage's feeder, all with the given settings. The stage's
 * concurrency (queued + running runs the feeder keeps) is set to `stageConcurrency`.
 */
export async function startBench(settings: WorkerSettings, stageConcurrency: number): Promise<Bench> {
  const base = await baseServer();
  const databaseName = `bench_engine_${randomBytes(5).toString("hex")}`;
  await adminQuery(base.url, `create database ${databaseName}`);
  const url = databaseUrlFor(base.url, databaseName);
  // As startWorkerRunner and startPipeline size them: the runner's (jobs use it too) and the feeder's own.
  const pool = createPool(url, settings.concurrency + 4);
  const feederPool = createPool(url, 4);
  let registration: WorkerRegistration | undefined;
  let runner: Runner | undefined;
  let feeder: Feeder | undefined;
  let computeAcquired = false;

  const close = async () => {
    await feeder?.stop();
    await runner?.stop();
    await registration?.unregister();
    if (computeAcquired) await releaseComputePool();
    await feederPool.end();
    await pool.end();
    await dropDatabase(base.url, databaseName);
    await base.stop?.();
  };

  try {
    await migrateDatabase(pool);
    await pool.query(NOOP_TABLES_SQL);
    const db = createDb(pool);
    const stages = [noopStage, noopStageBatched];
    registration = await registerWorker(db, [...stages.map((s) => stageTaskIdentifier(s.name)), RAW_TASK]);

    // Completed raw tasks, and inputs written by the engine's tasks (a batched job writes several),
    // count towards the phase that waits for them.
    let finished = 0;
    let tasksRun = 0;
    let waiting: { target: number; resolve: () => void } | undefined;
    const finish = (n: number) => {
      finished += n;
      if (waiting && finished >= waiting.target) waiting.resolve();
    };
    const countedTask =
      (task: Task): Task =>
      async (payload, helpers) => {
        tasksRun++;
        await task(payload, helpers);
      };
    const countedWrites = (stage: AnyStage): AnyStage => ({
      ...stage,
      write: async (...args: Parameters<AnyStage["write"]>) => {
        const ids = await stage.write(...args);
        finish(ids.length);
        return ids;
      },
    });
    const untilFinished = (target: number) =>
      new Promise<void>((resolve) => {
        if (finished >= target) resolve();
        else waiting = { target, resolve };
      });

    acquireComputePool();
    computeAcquired = true;
    runner = await run({
      pgPool: pool,
      taskList: {
        [RAW_TASK]: countedTask(async () => finish(1)),
        ...Object.fromEntries(stages.map((s) => [stageTaskIdentifier(s.name), countedTask(stageTask(countedWrites(s), { workerId: registration!.id }))])),
      },
      concurrency: settings.concurrency,
      pollInterval: settings.pollInterval,
      noHandleSignals: true,
      logger: quietWorkerLogger,
      preset: {
        worker: {
          localQueue: { size: settings.localQueueSize },
          completeJobBatchDelay: settings.completeJobBatchDelay,
          failJobBatchDelay: settings.failJobBatchDelay,
        },
      },
    });
    let ticks = 0;
    let claimingTicks = 0;
    // One feeder at a time, for the stage being measured: both no-op stages read the same input table.
    const feedOnly = async (stage: AnyStage) => {
      await feeder?.stop();
      feeder = undefined;
      await saveStageSettings(db, stage, { concurrency: stageConcurrency }, "bench");
      feeder = await startFeeder({
        pool: feederPool,
        stages: [stage],
        onReport: (report) => {
          ticks++;
          if (report.claimed.length > 0) claimingTicks++;
        },
      });
    };

    const jobsLeft = async () => Number((await pool.query("select count(*) as n from graphile_worker.jobs")).rows[0].n);
    /** Times `enqueue` until `jobs` more tasks have finished and graphile-worker has completed every job. */
    const measure = async (jobs: number, enqueue: (client: pg.Pool) => Promise<unknown>): Promise<Measurement> => {
      finished = 0;
      tasksRun = 0;
      ticks = 0;
      claimingTicks = 0;
      const db0 = await databaseCpuMs(pool);
      const cpu0 = process.cpuUsage();
      const statements0 = statementsSent;
      const start = performance.now();
      await enqueue(pool);
      await untilFinished(jobs);
      while ((await jobsLeft()) > 0) await new Promise((r) => setTimeout(r, 2));
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      const statements = statementsSent - statements0;
      const db1 = await databaseCpuMs(pool);
      return { jobs, ms, nodeCpuMs: (cpu.user + cpu.system) / 1000, dbCpuMs: db0 === undefined || db1 === undefined ? undefined : db1 - db0, statements, ticks, claimingTicks, tasks: tasksRun };
    };
    // Every phase starts from empty tables with fresh statistics, whichever ran before it.
    const reset = async () => {
      await pool.query(`truncate bench_noop_input, bench_noop_output; delete from stage_runs where stage like 'bench-noop%'`);
      for (const table of ["graphile_worker._private_jobs", "stage_runs", "bench_noop_input", "bench_noop_output"]) {
        await pool.query(`vacuum analyze ${table}`);
      }
    };

    return {
      databaseName,
      async raw(jobs) {
        await reset();
        return measure(jobs, (c) =>
          c.query(
            `select count(*) from graphile_worker.add_jobs(array(
               select row($1, json_build_object('n', i), null, null, null, null, null, null)::graphile_worker.job_spec
                 from generate_series(1, $2::int) i))`,
            [RAW_TASK, jobs],
          ),
        );
      },
      async engine(jobs, batched = false) {
        await reset();
        await feedOnly(batched ? noopStageBatched : noopStage);
        return measure(jobs, (c) => c.query("insert into bench_noop_input (id) select generate_series(1, $1::int)", [jobs]));
      },
      async check(batched = false) {
        const { rows } = await pool.query<{ done: string; other: string; outputs: string }>(
          `select count(*) filter (where status = 'done') as done, count(*) filter (where status <> 'done') as other,
                  (select count(*) from bench_noop_output) as outputs
             from stage_runs where stage = $1`,
          [(batched ? noopStageBatched : noopStage).name],
        );
        return { done: Number(rows[0].done), other: Number(rows[0].other), outputs: Number(rows[0].outputs), jobsLeft: await jobsLeft() };
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
