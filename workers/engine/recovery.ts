import { sql } from "drizzle-orm";
import type { StageSettingsRow } from "../../db/schema/index";
import { STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
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

/**
 * Whether the worker `w` (a `workers` row, or no row: null) counts as dead: stopped, or silent for
 * longer than `staleWorkerMs`, unless it is this process's own.
 */
const deadWorker = (options: RecoveryOptions, alias = "w") => {
  const w = sql.raw(alias);
  return sql`(${w}.id is null or ${w}.stopped_at is not null
    or (${w}.last_heartbeat < ${msAgo(options.staleWorkerMs)} and ${w}.id is distinct from ${options.liveWorkerId ?? null}))`;
};

export interface Recovered {
  /** Back to pending: the feeder claims them again. */
  requeued: string[];
  /** Failed for good: out of attempts. */
  failed: string[];
}

/**
 * Returns lost work to the queue. Three cases:
 * - a queued run whose job has vanished (e.g. deleted by hand, or a batch handed it back): back to
 *   pending (a running run may have no job: a batch's sibling, batch-runs.ts; the third case covers it);
 * - a job graphile-worker will not retry (out of attempts) while the run still waits: failed;
 * - a run "running" on a dead worker (stale heartbeat, or stopped) or past its time limit: its job is
 *   released (a dead worker's lock is forced open, then the job deleted; a live but stuck worker's
 *   job is told not to retry, and the fence refuses its late outcome) and the run returns to pending,
 *   or fails once it has used all its attempts (an input that kills its worker every time).
 * Then the other jobs of dead workers are unlocked (`unlockDeadWorkers`).
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
     where r.stage = ${stage.name} and r.status = 'queued'
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
  const dead = deadWorker(options);
  const lost = await tx.execute<{ input_key: string; attempts: number; job_id: string | null; locked_by: string | null; dead: boolean; locked_by_live: boolean }>(sql`
    select r.input_key, r.attempts, j.id as job_id, j.locked_by,
           ${dead} as dead,
           exists (select 1 from workers lw where j.locked_by = any(lw.graphile_lock_ids) and not ${deadWorker(options, "lw")}) as locked_by_live
      from stage_runs r
      left join workers w on w.id = r.worker_id
      left join graphile_worker.jobs j on j.key = r.stage || ':' || r.input_key
     where r.stage = ${stage.name} and r.status = 'running'
       and (${dead} or r.started_at < ${msAgo(limitMs)})
       for update of r skip locked`);
  const requeued = vanished.rows.map((r) => r.input_key);
  const failed = exhausted.rows.map((r) => r.input_key);
  for (const run of lost.rows) {
    // The job of a dead worker's run, already unlocked (another stage's recovery forced open the dead
    // worker's locks, which are its whole pool's) and taken by a live worker: that worker starts the
    // run afresh. Forcing its lock open would free every job of the live worker.
    if (run.dead && run.locked_by_live) continue;
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
  await unlockDeadWorkers(tx, options);
  return { requeued, failed };
}

/**
 * Forces open the graphile-worker locks of dead workers (the `locked_by` ids their runners recorded,
 * `workers.graphile_lock_ids`), so that their jobs that are not stage runs (imports, pruning) go to
 * another worker at once instead of after graphile-worker's 4-hour stale-lock timeout. Once per death:
 * the ids are emptied in the same statement (a worker that beats again writes them back).
 * A dead worker still holding the job of a `running` run of an engine stage waits until that stage's
 * recovery has taken the job back (this is why it runs after it): unlocked first, the job could go to
 * a live worker before the recovery of its run, which would then force open that live worker's locks.
 * The structures stage's import-structure jobs have no such recovery: unlocked, graphile-worker runs
 * them again and the new attempt takes over the run. Returns the workers unlocked.
 */
export async function unlockDeadWorkers(tx: Transaction, options: RecoveryOptions): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string; lock_ids: string[] }>(sql`
    with dead as (
      select w.id, w.graphile_lock_ids from workers w
       where cardinality(w.graphile_lock_ids) > 0 and ${deadWorker(options)}
         and not exists (
           select 1 from graphile_worker.jobs j join stage_runs r on j.key = r.stage || ':' || r.input_key
            where j.locked_by = any(w.graphile_lock_ids) and r.status = 'running' and r.stage <> ${STRUCTURES_STAGE})
         for update of w skip locked)
    update workers w set graphile_lock_ids = '{}' from dead where w.id = dead.id
    returning w.id, dead.graphile_lock_ids as lock_ids`);
  const lockIds = rows.flatMap((r) => r.lock_ids);
  if (lockIds.length > 0) await tx.execute(sql`select graphile_worker.force_unlock_workers(cast(${sql.param(lockIds)} as text[]))`);
  return rows.map((r) => r.id);
}
