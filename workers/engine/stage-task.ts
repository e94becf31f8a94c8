import type { JobHelpers, Task } from "graphile-worker";
import type pg from "pg";
import { z } from "zod";
import { createDb, type Database } from "../../db/client";
import { errorMessage, isConnectionError, isPermanentDatabaseError } from "../permanent-errors";
import type { TaskContext } from "../task-context";
import { loadInputRows, outcomeNote, startSiblingRuns, writeBatch, type BatchItem } from "./batch-runs";
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

/** The stage's computation of one input in a compute thread; ComputeError and TimeLimitError are the input's. */
const compute = (stage: AnyStage, input: unknown, params: unknown, timeLimitMs: number) =>
  sharedComputePool().run({ stage: stage.name, module: stage.module, input, params }, timeLimitMs);

const inputGone = (inputKey: string) => `input ${inputKey} no longer exists`;

/** Whether a compute error belongs to the input (fail its run) rather than to the thread (try again). */
const isInputsFault = (e: unknown): e is Error => e instanceof ComputeError || e instanceof TimeLimitError;

/**
 * The one graphile-worker task of a stage (`stage:<name>`): runs the stage's computation for one
 * claimed input (and, for a stage with a batchSize, some queued siblings: batch-runs.ts) and, in one
 * transaction, writes its rows and marks the run done. Bad input (the computation throws, or runs past
 * the time limit) fails the run for good; database trouble is thrown so graphile-worker retries the
 * job with backoff.
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

    const settings = started.settings
      ? { params: effectiveParams(stage, started.settings.params), timeLimitSeconds: started.settings.timeLimitSeconds }
      : await withDb(helpers, (db) => readStageSettings(db, stage));
    const params = stage.params.parse(settings.params);
    const timeLimitMs = settings.timeLimitSeconds * 1000;
    // A custom load keeps its own query (and its own wait for the database, which does not count a start again).
    const input = stage.load ? await withDb(helpers, (db) => stage.load!(db, inputKey)) : started.input;
    if (input === undefined) {
      await withDb(helpers, (db) => recordOutcome(db, fence, { status: "failed", error: inputGone(inputKey) }));
      return;
    }

    const siblings = (stage.batchSize ?? 1) > 1 ? await withDb(helpers, (db) => startSiblingRuns(db, stage, context.workerId, stage.batchSize! - 1)) : [];
    if (siblings.length > 0) {
      await runBatch(helpers, stage, { fence, input }, siblings, params, timeLimitMs);
      return;
    }

    let rows: unknown[];
    try {
      rows = await compute(stage, input, params, timeLimitMs);
    } catch (e) {
      // The computation's own errors (and running out of memory on it) and the time limit are the
      // input's; a thread that exited some other way may be a passing problem, so the job is retried.
      if (isInputsFault(e)) {
        await withDb(helpers, (db) => recordOutcome(db, fence, { status: "failed", error: e.message }));
        return;
      }
      throw e;
    }
    await finishOne(helpers, stage, fence, input, rows, params, true);
  };
}

/**
 * Writes one input's rows and marks its run done, handling what can go wrong: taken over (nothing
 * written), rows the database refuses for good (the run fails), other trouble (thrown, after the run
 * is marked for a retry, or failed on the job's last attempt). `ownJob`: the run is this job's own,
 * which graphile-worker retries; a sibling marked "queued" has no job, and recovery hands it back.
 */
async function finishOne(helpers: JobHelpers, stage: AnyStage, fence: RunFence, input: unknown, rows: unknown[], params: unknown, ownJob: boolean) {
  const fail = (error: string) => withDb(helpers, (db) => recordOutcome(db, fence, { status: "failed", error }));
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
    const lastAttempt = ownJob && helpers.job.attempts >= helpers.job.max_attempts;
    // Best effort: when the database itself is the trouble this cannot be recorded either.
    await withDb(helpers, (db) =>
      recordOutcome(db, fence, lastAttempt ? { status: "failed", error: errorMessage(e) } : { status: "queued", error: errorMessage(e) }),
    ).catch(() => undefined);
    throw e;
  }
}

/**
 * The job's own input and its siblings, computed in turn and written in one transaction. A sibling not
 * begun before half the time limit has passed goes back to the queue, so that the batch's last run is
 * not taken for overdue. When the thread fails for no fault of the input, the inputs not yet done go
 * back; if it was the job's own input, the error is thrown (graphile-worker retries the job, as
 * without a batch). When
 * the batch's transaction fails for something other than the connection, each input is written on its
 * own, so that one input's bad rows fail only its run.
 */
async function runBatch(
  helpers: JobHelpers,
  stage: AnyStage,
  own: { fence: RunFence; input: unknown },
  siblings: RunFence[],
  params: unknown,
  timeLimitMs: number,
) {
  const keys = siblings.map((f) => f.inputKey);
  const inputs = stage.load
    ? new Map(await Promise.all(keys.map(async (k) => [k, await withDb(helpers, (db) => stage.load!(db, k))] as const)))
    : await withDb(helpers, (db) => loadInputRows(db, stage, keys));
  const items: BatchItem[] = [own, ...siblings.map((fence) => ({ fence, input: inputs.get(fence.inputKey) }))].map((i) => ({
    ...i,
    outcome: { status: "pending", error: "handed back unstarted by its batch" },
  }));
  const startedAt = performance.now();
  let threadError: unknown;
  for (const [index, item] of items.entries()) {
    if (item.input === undefined) {
      item.outcome = { status: "failed", error: inputGone(item.fence.inputKey) };
      continue;
    }
    if (index > 0 && performance.now() - startedAt > timeLimitMs / 2) break;
    try {
      item.outcome = { status: "done", rows: await compute(stage, item.input, params, timeLimitMs) };
    } catch (e) {
      if (!isInputsFault(e)) {
        threadError = e;
        break;
      }
      item.outcome = { status: "failed", error: e.message };
    }
  }
  // When the thread failed the job's own input, its run stays running for graphile-worker's retry of
  // the job; a sibling's is handed back with the rest, and the job's own result stands.
  const retryOwn = threadError !== undefined && items[0].outcome.status === "pending";
  if (threadError !== undefined && !retryOwn) helpers.logger.warn(`${stage.name} batch handed back its rest: ${errorMessage(threadError)}`);
  const written = retryOwn ? items.slice(1) : items;
  try {
    await withDb(helpers, (db) => db.transaction((tx) => writeBatch(tx, stage, written, params)));
  } catch (e) {
    if (isConnectionError(e)) throw e;
    helpers.logger.warn(`${stage.name} batch of ${written.length} written one by one: ${errorMessage(e)}`);
    let retry: unknown;
    for (const item of written) {
      const { fence, outcome } = item;
      try {
        if (outcome.status === "done") await finishOne(helpers, stage, fence, item.input, outcome.rows, params, fence === own.fence);
        else await withDb(helpers, (db) => recordOutcome(db, fence, outcome.status === "failed" ? outcome : { status: "queued", error: outcome.error }));
      } catch (err) {
        retry ??= err;
      }
    }
    if (retry) throw retry;
  }
  if (retryOwn) throw threadError;
}

/**
 * Result rows and the finished run in one transaction: neither exists without the other. The fenced
 * outcome comes last and, when this attempt no longer owns the run, rolls the rows back.
 */
async function writeResult(db: Database, stage: AnyStage, fence: RunFence, input: unknown, rows: unknown[], params: unknown) {
  await db.transaction(async (tx) => {
    const ids = await stage.write(tx, input, rows, params);
    const note = outcomeNote(stage, rows, params, ids);
    if (!(await recordOutcome(tx, fence, { status: "done", result: { ids }, note }))) throw new FencedOutError(fence);
  });
}
