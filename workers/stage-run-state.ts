import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { stageRuns, type StageRunRow } from "../db/schema/index";

/** A drizzle handle or one of its transactions: state changes may be part of a larger transaction. */
type Executor = Pick<Database, "insert" | "update">;

const key = (stage: string, inputKey: string) => and(eq(stageRuns.stage, stage), eq(stageRuns.inputKey, inputKey));

/**
 * Marks a run as running (creating its row if a job arrived without one) and counts the attempt.
 * Returns undefined when the run has already finished (done or skipped), so a job delivered twice
 * does its work once.
 */
export async function startRun(
  db: Executor,
  stage: string,
  inputKey: string,
  workerId: string,
): Promise<StageRunRow | undefined> {
  const [row] = await db
    .insert(stageRuns)
    .values({ stage, inputKey, status: "running", attempts: 1, workerId, startedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [stageRuns.stage, stageRuns.inputKey],
      set: { status: "running", attempts: sql`${stageRuns.attempts} + 1`, workerId, startedAt: sql`now()` },
      setWhere: sql`${stageRuns.status} not in ('done', 'skipped')`,
    })
    .returning();
  return row;
}

/** Records a successful outcome; `status` "skipped" means nothing new was produced (e.g. a duplicate). */
export async function finishRun(
  db: Executor,
  stage: string,
  inputKey: string,
  outcome: Pick<StageRunRow, "result" | "note"> & { status: "done" | "skipped" },
): Promise<void> {
  await db
    .update(stageRuns)
    .set({ ...outcome, lastError: null, finishedAt: sql`now()` })
    .where(key(stage, inputKey));
}

/** Records a failure that retrying cannot fix (bad input): the run is failed for good. */
export async function failRun(db: Executor, stage: string, inputKey: string, error: string): Promise<void> {
  await db
    .update(stageRuns)
    .set({ status: "failed", lastError: error, finishedAt: sql`now()` })
    .where(key(stage, inputKey));
}

/**
 * Records a failure that may pass (the database was unreachable, a deadlock...): the run goes back to
 * "queued" for graphile-worker's retry, or to "failed" once the job has used its last attempt.
 */
export async function noteRetryableError(
  db: Executor,
  stage: string,
  inputKey: string,
  error: string,
  lastAttempt: boolean,
): Promise<void> {
  await db
    .update(stageRuns)
    .set({ status: lastAttempt ? "failed" : "queued", lastError: error, finishedAt: lastAttempt ? sql`now()` : null })
    .where(key(stage, inputKey));
}
