import type { JobHelpers, Task } from "graphile-worker";
import type pg from "pg";
import { z } from "zod";
import { createDb, type Database } from "../../db/client";
import { errorMessage, isConnectionError, isPermanentDatabaseError } from "../permanent-errors";
import type { TaskContext } from "../task-context";
import { ComputeError, sharedComputePool, TimeLimitError } from "./compute-pool";
import type { AnyStage } from "./define-stage";
import { FencedOutError, recordOutcome, startRun, type RunFence } from "./run-state";
import { effectiveParams, readStageSettings } from "./settings";

export const stageJobPayload = z.object({ inputKey: z.string() });

/** How long a job waits for a database it cannot reach before giving up (graphile-worker then retries it). */
export const DATABASE_WAIT_MS = 10 * 60_000;

/**
 * Runs `fn` on a connection of the job. While the database cannot be reached (restarting, network
 * down), waits and repeats `fn` until it answers again, so that a job ends, and graphile-worker
 * releases it, only with the database back: graphile-worker 0.17 does not await the release of a
 * finished job, and a failed release leaves the job locked, its run `running` until the time limit,
 * and a rejection nobody handles (which ends the process). Every step of a job may be repeated: reads,
 * outcomes fenced by the attempt, and results written in one fenced transaction (a commit whose reply
 * was lost is then refused by the fence); at worst a start is counted twice.
 */
async function withDb<T>(helpers: JobHelpers, fn: (db: Database) => Promise<T>): Promise<T> {
  const deadline = Date.now() + DATABASE_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await helpers.withPgClient((client) => fn(createDb(client as pg.PoolClient)));
    } catch (e) {
      if (!isConnectionError(e) || Date.now() > deadline || helpers.abortSignal?.aborted) throw e;
      if (attempt === 0) helpers.logger.warn(`job ${helpers.job.id} waits for the database: ${errorMessage(e)}`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
    }
  }
}

/**
 * A stage declared `inline`: its computation on this thread, with the outcomes of the compute thread
 * (its errors are the input's; past the time limit it is failed, though it could not be stopped).
 */
function runInline(stage: AnyStage, input: unknown, params: unknown, timeLimitMs: number): unknown[] {
  const start = performance.now();
  let rows: unknown[];
  try {
    rows = stage.run(input, params);
  } catch (e) {
    throw new ComputeError(e instanceof Error ? e.message : String(e));
  }
  if (performance.now() - start > timeLimitMs) throw new TimeLimitError(`time limit of ${timeLimitMs / 1000} s exceeded`);
  return rows;
}

/**
 * The one graphile-worker task of a stage (`stage:<name>`): runs the stage's computation for one
 * claimed input and, in one transaction, writes its rows and marks the run done. Bad input (the
 * computation throws, or runs past the time limit) fails the run for good; database trouble is
 * thrown so graphile-worker retries the job with backoff.
 */
export function stageTask(stage: AnyStage, context: TaskContext): Task {
  return async (payload, helpers) => {
    const parsed = stageJobPayload.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`${stage.name} job ${helpers.job.id} has an invalid payload: ${parsed.error.message}`);
      return;
    }
    const { inputKey } = parsed.data;
    // One statement starts the run and reads the settings and (for the default load) the input row.
    const started = await withDb(helpers, (db) => startRun(db, stage, inputKey, context.workerId, !stage.load));
    if (!started) return;
    const { fence } = started;
    const fail = (error: string) => withDb(helpers, (db) => recordOutcome(db, fence, { status: "failed", error }));

    const settings = started.settings
      ? { params: effectiveParams(stage, started.settings.params), timeLimitSeconds: started.settings.timeLimitSeconds }
      : await withDb(helpers, (db) => readStageSettings(db, stage));
    const params = stage.params.parse(settings.params);
    // A custom load keeps its own query (and its own wait for the database, which does not count a start again).
    const input = stage.load ? await withDb(helpers, (db) => stage.load!(db, inputKey)) : started.input;
    if (input === undefined) {
      await fail(`input ${inputKey} no longer exists`);
      return;
    }

    let rows: unknown[];
    try {
      rows = stage.inline
        ? runInline(stage, input, params, settings.timeLimitSeconds * 1000)
        : await sharedComputePool().run({ stage: stage.name, module: stage.module, input, params }, settings.timeLimitSeconds * 1000);
    } catch (e) {
      // The computation's own errors (and running out of memory on it) and the time limit are the
      // input's; a thread that exited some other way may be a passing problem, so the job is retried.
      if (e instanceof ComputeError || e instanceof TimeLimitError) {
        await fail(e.message);
        return;
      }
      throw e;
    }

    try {
      await withDb(helpers, (db) => writeResult(db, stage, fence, input, rows, params));
    } catch (e) {
      if (e instanceof FencedOutError) {
        helpers.logger.warn(e.message);
        return;
      }
      if (isPermanentDatabaseError(e)) {
        await fail(errorMessage(e));
        return;
      }
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      // Best effort: when the database itself is the trouble this cannot be recorded either.
      await withDb(helpers, (db) =>
        recordOutcome(db, fence, lastAttempt ? { status: "failed", error: errorMessage(e) } : { status: "queued", error: errorMessage(e) }),
      ).catch(() => undefined);
      throw e;
    }
  };
}

/**
 * Result rows and the finished run in one transaction: neither exists without the other. The fenced
 * outcome comes last and, when this attempt no longer owns the run, rolls the rows back.
 */
async function writeResult(db: Database, stage: AnyStage, fence: RunFence, input: unknown, rows: unknown[], params: unknown) {
  await db.transaction(async (tx) => {
    const ids = await stage.write(tx, input, rows, params);
    const note = stage.describe ? stage.describe(rows, params) : `${ids.length} rows`;
    if (!(await recordOutcome(tx, fence, { status: "done", result: { ids }, note }))) throw new FencedOutError(fence);
  });
}
