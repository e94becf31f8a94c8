import type pg from "pg";
import {
  DEFAULT_PRUNE_OLDER_THAN_SECONDS,
  DEFAULT_PRUNE_SCHEDULE,
} from "../db/schema/index";

type Queryable = Pick<pg.Pool, "query">;

export interface PruneResult {
  olderThanSeconds: number;
  /** Finished (done or skipped) stage runs deleted. */
  stageRuns: number;
  /** Finished runs old enough but kept because they produced no rows (see pruneFinished). */
  keptEmptyRuns: number;
  /** Permanently failed graphile-worker jobs deleted. */
  failedJobs: number;
  /** Worker registrations deleted (stopped, or silent, for longer than the age). */
  workers: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** "7d", "12h", "30m", "45s", "2w" (or plain seconds) to seconds. */
export function parseAge(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/.exec(text);
  if (!m) throw new Error(`an age is a number with a unit s, m, h, d or w (e.g. 7d), not "${text}"`);
  return Math.round(Number(m[1]) * UNITS[m[2] || "s"]);
}

/** Seconds as the largest whole unit that fits ("7d", "36h", "90s"). */
export function formatAge(seconds: number): string {
  for (const unit of ["w", "d", "h", "m"]) if (seconds > 0 && seconds % UNITS[unit] === 0) return `${seconds / UNITS[unit]}${unit}`;
  return `${seconds}s`;
}

/**
 * Deletes finished workflow metadata older than the age; result tables are never touched.
 * - stage_runs done or skipped, finished before the cut-off. A run is kept when it produced no rows
 *   (`result.ids` empty, e.g. a structure without hops): the engine claims a row-less input that has
 *   no rows in the output table, so such an input would be computed again once its run was gone.
 *   Failed runs stay too: they are what keeps a bad input from being retried.
 * - graphile-worker jobs out of attempts (graphile-worker deletes completed jobs itself and keeps
 *   permanently failed ones) not touched since the cut-off and not locked by a worker;
 *   `_private_known_crontabs` is left alone (it keeps cron from running twice or missing a run).
 * - workers rows stopped, or without a heartbeat, since the cut-off: the engine treats a run whose
 *   worker row is missing as lost, exactly as one whose worker went silent, so nothing depends on them.
 */
export async function pruneFinished(pool: Queryable, olderThanSeconds: number): Promise<PruneResult> {
  if (!Number.isFinite(olderThanSeconds) || olderThanSeconds < 0) throw new Error(`the age must be 0 or more seconds, not ${olderThanSeconds}`);
  const cutoff = "now() - make_interval(secs => $1::double precision)";
  const runs = await pool.query<{ deleted: string; kept: string }>(
    `with old as (
       select id, coalesce(jsonb_array_length(case when jsonb_typeof(result->'ids') = 'array' then result->'ids' end), 0) > 0 as produced
         from stage_runs where status in ('done', 'skipped') and finished_at < ${cutoff}),
     gone as (delete from stage_runs r using old where r.id = old.id and old.produced returning 1)
     select (select count(*) from gone)::text as deleted, (select count(*) from old where not produced)::text as kept`,
    [olderThanSeconds],
  );
  const jobs = await pool.query(
    `delete from graphile_worker._private_jobs
      where attempts >= max_attempts and locked_at is null and updated_at < ${cutoff}`,
    [olderThanSeconds],
  );
  const workers = await pool.query(
    // Stopping sets last_heartbeat too, so this is the time of the last sign of life either way.
    `delete from workers where last_heartbeat < ${cutoff}`,
    [olderThanSeconds],
  );
  return {
    olderThanSeconds,
    stageRuns: Number(runs.rows[0].deleted),
    keptEmptyRuns: Number(runs.rows[0].kept),
    failedJobs: jobs.rowCount ?? 0,
    workers: workers.rowCount ?? 0,
  };
}

export interface MaintenanceSettings {
  /** Crontab pattern (server time) of the prune job. */
  pruneSchedule: string;
  pruneOlderThanSeconds: number;
}

/** The maintenance settings, or the defaults (daily at 03:00, 7 days) when none were saved. */
export async function readMaintenanceSettings(pool: Queryable): Promise<MaintenanceSettings> {
  const { rows } = await pool.query<{ prune_schedule: string; prune_older_than_seconds: number }>(
    "select prune_schedule, prune_older_than_seconds from maintenance_settings where id = 1",
  );
  return rows[0]
    ? { pruneSchedule: rows[0].prune_schedule, pruneOlderThanSeconds: rows[0].prune_older_than_seconds }
    : { pruneSchedule: DEFAULT_PRUNE_SCHEDULE, pruneOlderThanSeconds: DEFAULT_PRUNE_OLDER_THAN_SECONDS };
}

/** Saves some or all maintenance settings (the schedule must already be checked by the caller). */
export async function saveMaintenanceSettings(pool: Queryable, change: Partial<MaintenanceSettings>): Promise<MaintenanceSettings> {
  const current = await readMaintenanceSettings(pool);
  const next = { ...current, ...change };
  await pool.query(
    `insert into maintenance_settings (id, prune_schedule, prune_older_than_seconds, updated_at) values (1, $1, $2, now())
     on conflict (id) do update set prune_schedule = excluded.prune_schedule,
       prune_older_than_seconds = excluded.prune_older_than_seconds, updated_at = now()`,
    [next.pruneSchedule, next.pruneOlderThanSeconds],
  );
  return next;
}
