import { parseArgs } from "node:util";
import { formatAge, parseAge, pruneFinished, readMaintenanceSettings, saveMaintenanceSettings } from "../../workers/prune-finished";
import { checkSchedule } from "../../workers/tasks/prune";
import { withMigratedDatabase } from "./database-pool";

const USAGE = [
  "usage: hopscape prune [--older-than 7d]",
  "       hopscape prune settings [--schedule 'CRON'] [--older-than 7d]",
].join("\n");

async function settings(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { schedule: { type: "string" }, "older-than": { type: "string" } } });
  if (values.schedule !== undefined) checkSchedule(values.schedule);
  return withMigratedDatabase(async (pool) => {
    const change = {
      ...(values.schedule !== undefined ? { pruneSchedule: values.schedule } : {}),
      ...(values["older-than"] !== undefined ? { pruneOlderThanSeconds: parseAge(values["older-than"]) } : {}),
    };
    const saved = Object.keys(change).length > 0 ? await saveMaintenanceSettings(pool, change) : await readMaintenanceSettings(pool);
    console.log(`prune schedule "${saved.pruneSchedule}" (cron, server time), older than ${formatAge(saved.pruneOlderThanSeconds)}`);
    return 0;
  });
}

/**
 * `hopscape prune [--older-than AGE]`: what the daily maintenance job does, now. Deletes finished
 * workflow metadata (done/skipped runs, permanently failed jobs, stale worker rows) older than the age
 * (default: the saved setting, 7d unless changed); results are never touched.
 */
export async function pruneCommand(args: string[]): Promise<number> {
  if (args[0] === "settings") return settings(args.slice(1));
  if (args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const { values } = parseArgs({ args, options: { "older-than": { type: "string" } } });
  return withMigratedDatabase(async (pool) => {
    const age = values["older-than"] !== undefined ? parseAge(values["older-than"]) : (await readMaintenanceSettings(pool)).pruneOlderThanSeconds;
    const r = await pruneFinished(pool, age);
    console.log(
      [
        `pruned workflow metadata older than ${formatAge(age)}:`,
        `  ${r.stageRuns} finished stage runs (${r.keptEmptyRuns} kept: they produced no rows, and are what keeps their input from being computed again)`,
        `  ${r.failedJobs} permanently failed graphile-worker jobs`,
        `  ${r.workers} stale worker registrations`,
        "results were not touched",
      ].join("\n"),
    );
    return 0;
  });
}
