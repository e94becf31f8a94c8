import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { StageRunResult } from "../../db/schema/index";
import type { Transaction } from "./define-stage";
import { NOTIFY_RUN_FINISHED } from "./notify";

type Executor = Database | Transaction;

/**
 * Which attempt of a run a job is working on. Recovery may hand a run to another worker while the
 * first is still alive (e.g. it overran); the first worker's late outcome is then refused because
 * its fence no longer matches, so a run is finished by exactly one attempt.
 */
export interface RunFence {
  stage: string;
  inputKey: string;
  workerId: string;
  attempt: number;
}

/**
 * Marks a claimed run as running on this worker and counts the attempt. Returns undefined when the
 * run is no longer waiting for a job (finished, failed, or taken back by recovery), so a stray or
 * duplicate job does nothing.
 */
export async function startClaimedRun(db: Executor, stage: string, inputKey: string, workerId: string): Promise<RunFence | undefined> {
  const { rows } = await db.execute<{ attempts: number }>(sql`
    update stage_runs
       set status = 'running', attempts = attempts + 1, worker_id = ${workerId}, started_at = now(), finished_at = null
     where stage = ${stage} and input_key = ${inputKey} and status in ('queued', 'running')
     returning attempts`);
  return rows[0] ? { stage, inputKey, workerId, attempt: rows[0].attempts } : undefined;
}

export class FencedOutError extends Error {
  constructor(fence: RunFence) {
    super(`run ${fence.stage}:${fence.inputKey} attempt ${fence.attempt} was taken over; its outcome is discarded`);
  }
}

type Outcome =
  | { status: "done"; result: StageRunResult; note: string | null }
  | { status: "failed"; error: string }
  | { status: "queued"; error: string };

/**
 * Records an attempt's outcome (if the attempt still owns the run) and wakes the feeders, since a
 * finished run frees a slot of the stage's concurrency. "queued" means graphile-worker retries the job.
 */
export async function recordOutcome(db: Executor, fence: RunFence, outcome: Outcome): Promise<boolean> {
  const finished = outcome.status === "queued" ? sql`null` : sql`now()`;
  const set =
    outcome.status === "done"
      ? sql`result = ${JSON.stringify(outcome.result)}::jsonb, note = ${outcome.note}, last_error = null`
      : sql`last_error = ${outcome.error}`;
  // One statement: the update (a data-modifying CTE runs whether or not it is read) and the NOTIFY.
  const { rows } = await db.execute<{ recorded: boolean }>(sql`
    with recorded as (
      update stage_runs set status = ${outcome.status}, ${set}, finished_at = ${finished}
       where stage = ${fence.stage} and input_key = ${fence.inputKey} and status = 'running'
         and worker_id = ${fence.workerId} and attempts = ${fence.attempt}
       returning 1)
    select exists (select 1 from recorded) as recorded, pg_notify(${NOTIFY_RUN_FINISHED}, ${fence.stage})`);
  return rows[0].recorded;
}
