import { parseCronItem, type CronMatcher, type ParsedCronItem, type Task } from "graphile-worker";
import type pg from "pg";
import { pruneFinished, readMaintenanceSettings } from "../prune-finished";

export const PRUNE_TASK = "maintenance:prune";
/** The cron entry's identifier: graphile-worker's known_crontabs row under it keeps every worker process from running it twice. */
const PRUNE_CRON_IDENTIFIER = "hopscape-prune";
/** How often a worker re-reads the schedule, so a changed setting applies without a restart. */
const SCHEDULE_REFRESH_MS = 60_000;

/** Throws when `pattern` is not a crontab time pattern graphile-worker accepts (5 fields, e.g. "0 3 * * *"). */
export function checkSchedule(pattern: string): CronMatcher {
  return parseCronItem({ task: PRUNE_TASK, match: pattern, identifier: PRUNE_CRON_IDENTIFIER }).match;
}

/** The cron job: prunes finished workflow metadata older than the configured age (read when it runs). */
export const pruneTask: Task = async (_payload, helpers) => {
  const result = await helpers.withPgClient(async (client) => {
    const settings = await readMaintenanceSettings(client);
    return pruneFinished(client, settings.pruneOlderThanSeconds);
  });
  helpers.logger.info(
    `pruned ${result.stageRuns} finished runs (kept ${result.keptEmptyRuns} without rows), ` +
      `${result.failedJobs} failed jobs, ${result.workers} workers`,
  );
};

/**
 * The prune job's cron entry. Its matcher follows the saved schedule: the settings are read now and
 * again every minute, so a change applies within a minute on every worker without a restart (an
 * unreadable or invalid saved schedule keeps the last good one). No backfill: a run missed while no
 * worker was up is not worth catching up, the next one prunes the same rows.
 */
export async function pruneCron(pool: pg.Pool): Promise<{ items: ParsedCronItem[]; stop(): void }> {
  let matcher = checkSchedule((await readMaintenanceSettings(pool)).pruneSchedule);
  const refresh = async () => {
    try {
      matcher = checkSchedule((await readMaintenanceSettings(pool)).pruneSchedule);
    } catch (e) {
      console.error(`[worker] keeping the previous prune schedule: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const timer = setInterval(() => void refresh(), SCHEDULE_REFRESH_MS);
  timer.unref();
  const item = parseCronItem({
    task: PRUNE_TASK,
    identifier: PRUNE_CRON_IDENTIFIER,
    match: (digest) => matcher(digest),
    options: { backfillPeriod: 0, maxAttempts: 1 },
  });
  return { items: [item], stop: () => clearInterval(timer) };
}
