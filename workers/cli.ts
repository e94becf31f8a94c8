import { createPool, databaseUrl } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { startWorkerRunner } from "./runner";

function parseConcurrency(args: string[]): number | undefined {
  const i = args.indexOf("--concurrency");
  if (i < 0) return undefined;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--concurrency needs a positive integer, not ${args[i + 1]}`);
  return n;
}

/**
 * `hopscape worker [--concurrency N]`: runs jobs on DATABASE_URL until SIGINT or SIGTERM, then
 * finishes the running jobs and exits. Returns the exit code.
 */
export async function workerCommand(args: string[]): Promise<number> {
  const concurrency = parseConcurrency(args);
  const url = databaseUrl();
  // A worker may be the first process to reach a new database: bring it up to date first.
  const pool = createPool(url, 2);
  try {
    await migrateDatabase(pool);
  } finally {
    await pool.end();
  }
  const worker = await startWorkerRunner({ connectionString: url, concurrency });
  console.log(`[worker] ${worker.id} running (Ctrl-C to stop)`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log(`[worker] ${signal}: finishing running jobs`);
  await worker.stop();
  return 0;
}
