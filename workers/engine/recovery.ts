import { sql } from "drizzle-orm";
import type { StageSettingsRow } from "../../db/schema/index";
import { DEFAULT_MAX_ATTEMPTS, type AnyStage, type Transaction } from "./define-stage";

/** The time `ms` milliseconds ago, as SQL (the number is a bound parameter). */
const msAgo = (ms: number) => sql`now() - cast(${ms} as double precision) * interval '1 millisecond'`;

export interface RecoveryOptions {
  /** A worker whose heartbeat is older than this is taken for dead. */
  staleWorkerMs: number;
  /** Extra time past the stage's time limit before a running run counts as stuck. */
  overrunGraceMs: number;
  /**
   * The worker of the process running this feeder: alive while its feeder runs, whatever its last
   * heartbeat says (on a loaded machine a heartbeat can be late, and a process must not take its own
   * runs away from itself).
   */
  liveWorkerId?: string;
}

export interface Recovered {
  /** Back to pending: the feeder claims them again. */
  requeued: string[];
  /** Failed for good: out of attempts. */
  failed: string[];
}

/**
 * Returns lost work to the queue. Three cases:
 * - a claim whose job has vanished (e.g. deleted by hand): back to pending;
 * - a job graphile-worker will not retry (out of attempts) while the run still waits: failed;
 * - a run "running" on a dead worker (stale heartbeat, or stopped) or past its time limit: its job is
 *   released (a dead worker's lock is forced open, then the job deleted; a live but stuck worker's
 *   job is told not to retry, and the fence refuses its late outcome) and the run returns to pending,
 *   or fails once it has used all its attempts (an input that kills its worker every time).
 */
export async function recoverStage(
  tx: Transaction,
  stage: AnyStage,
  settings: StageSettingsRow,
  options: RecoveryOptions,
): Promise<Recovered> {
  const maxAttempts = stage.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const vanished = await tx.execute<{ input_key: string }>(sql`
    update stage_runs r set status = 'pending', claimed_at = null, worker_id = null
     where r.stage = ${stage.name} and r.status in ('queued', 'running')
       and not exists (select 1 from graphile_worker.jobs j where j.key = r.stage || ':' || r.input_key)
     returning r.input_key`);

  const exhausted = await tx.execute<{ input_key: string; job_id: string }>(sql`
    update stage_runs r
       set status = 'failed', finished_at = now(), last_error = coalesce(r.last_error, j.last_error, 'out of attempts')
      from graphile_worker.jobs j
     where j.key = r.stage || ':' || r.input_key and r.stage = ${stage.name} and r.status in ('queued', 'running')
       and j.locked_at is null and j.attempts >= j.max_attempts
     returning r.input_key, j.id as job_id`);
  if (exhausted.rows.length > 0) {
    await tx.execute(sql`select graphile_worker.complete_jobs(cast(${sql.param(exhausted.rows.map((r) => r.job_id))} as bigint[]))`);
  }

  const limitMs = settings.timeLimitSeconds * 1000 + options.overrunGraceMs;
  const deadWorker = sql`(w.id is null or w.stopped_at is not null
    or (w.last_heartbeat < ${msAgo(options.staleWorkerMs)} and w.id is distinct from ${options.liveWorkerId ?? null}))`;
  const lost = await tx.execute<{ input_key: string; attempts: number; job_id: string | null; locked_by: string | null; dead: boolean }>(sql`
    select r.input_key, r.attempts, j.id as job_id, j.locked_by,
           ${deadWorker} as dead
      from stage_runs r
      left join workers w on w.id = r.worker_id
      left join graphile_worker.jobs j on j.key = r.stage || ':' || r.input_key
     where r.stage = ${stage.name} and r.status = 'running'
       and (${deadWorker} or r.started_at < ${msAgo(limitMs)})
       for update of r skip locked`);
  const requeued = vanished.rows.map((r) => r.input_key);
  const failed = exhausted.rows.map((r) => r.input_key);
  for (const run of lost.rows) {
    if (run.job_id !== null) {
      if (run.dead) {
        if (run.locked_by) await tx.execute(sql`select graphile_worker.force_unlock_workers(array[${run.locked_by}]::text[])`);
        await tx.execute(sql`select graphile_worker.complete_jobs(array[${run.job_id}]::bigint[])`);
      } else {
        await tx.execute(sql`select graphile_worker.remove_job(${`${stage.name}:${run.input_key}`})`);
      }
    }
    const outOfAttempts = run.attempts >= maxAttempts;
    const reason = run.dead ? "its worker stopped responding" : "it ran past the time limit";
    await tx.execute(sql`
      update stage_runs
         set status = ${outOfAttempts ? "failed" : "pending"}, worker_id = null, claimed_at = null,
             last_error = ${`attempt ${run.attempts} lost: ${reason}`},
             finished_at = ${outOfAttempts ? sql`now()` : sql`null`}
       where stage = ${stage.name} and input_key = ${run.input_key}`);
    (outOfAttempts ? failed : requeued).push(run.input_key);
  }
  return { requeued, failed };
}
