import { createPool, databaseUrl } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { PIPELINE_STAGE_NAMES, startPipeline } from "../../workers/engine/pipeline";

export interface WorkerArgs {
  stages?: string[];
  concurrency?: number;
}

/** Reads `[--only STAGE,...] [--concurrency N]`; throws on anything else. */
export function parseWorkerArgs(args: string[]): WorkerArgs {
  const out: WorkerArgs = {};
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === "--only") {
      if (!value) throw new Error(`--only needs stage names (${PIPELINE_STAGE_NAMES.join(", ")})`);
      out.stages = value.split(",").map((s) => s.trim()).filter(Boolean);
      i++;
    } else if (args[i] === "--concurrency") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--concurrency needs a positive integer, not ${value}`);
      out.concurrency = n;
      i++;
    } else {
      throw new Error(`unknown argument ${args[i]}; usage: hopscape worker [--only STAGE,...] [--concurrency N]`);
    }
  }
  return out;
}

/**
 * `hopscape worker [--only STAGE,...] [--concurrency N]`: works on the listed stages (default all)
 * of the database at DATABASE_URL until SIGINT or SIGTERM, then lets running jobs finish. Any
 * machine that reaches the database can run one. --concurrency is the number of jobs this process
 * runs at once; each stage's own concurrency (jobs in flight across all workers) is a stage setting.
 */
export async function workerCommand(args: string[]): Promise<number> {
  const { stages, concurrency } = parseWorkerArgs(args);
  const url = databaseUrl();
  // A worker may be the first process to reach a new database: bring it up to date first.
  const pool = createPool(url, 2);
  try {
    await migrateDatabase(pool);
  } finally {
    await pool.end();
  }
  const pipeline = await startPipeline({ connectionString: url, stages, concurrency });
  console.log(`[worker] ${pipeline.workerId} running ${(stages ?? PIPELINE_STAGE_NAMES).join(", ")} (Ctrl-C to stop)`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log(`[worker] ${signal}: finishing running jobs`);
  await pipeline.stop();
  return 0;
}
