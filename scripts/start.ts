/**
 * `npm start`: the whole of hopscape on one machine. Uses DATABASE_URL, or starts the embedded
 * PostgreSQL; migrates; queues the built-in library on first start; builds the web app when its
 * sources changed; runs `next start` and the job worker. Ctrl-C stops all of it, database last.
 *
 * Environment: DATABASE_URL, HOPSCAPE_DATA_DIR (embedded data, default /var/tmp/hopscape),
 * HOPSCAPE_PG_PORT (first port tried for it, default 5433), PORT (web, default 3000),
 * HOPSCAPE_HOST (web, default 127.0.0.1), HOPSCAPE_WORKER_CONCURRENCY.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPool } from "../db/client";
import { startEmbeddedPostgres } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { startPipeline } from "../workers/engine/pipeline";
import { ensureNextBuild } from "./next-build";
import { seedLibrary } from "./seed-library";
import { ShutdownStack } from "./shutdown-stack";
import { startWebServer, waitForHttp } from "./web-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (m: string) => console.log(m);
const shutdown = new ShutdownStack();

function webPort(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT is not a port: ${process.env.PORT}`);
  return port;
}

async function stopAll(code: number): Promise<never> {
  if (!shutdown.stopping) log("[start] stopping…");
  await shutdown.unwind(log);
  process.exit(code);
}

let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shutdown.stopping) {
      // npm and tsx pass a terminal's Ctrl-C on as well, so one press arrives twice within moments.
      if (Date.now() - firstSignalAt > 1000) log(`[start] ${signal} again: still stopping (the database stops last)`);
      return;
    }
    firstSignalAt = Date.now();
    log(`[start] ${signal} received`);
    void stopAll(0);
  });
}

async function main(): Promise<void> {
  const port = webPort();
  const host = process.env.HOPSCAPE_HOST ?? "127.0.0.1";

  let url = process.env.DATABASE_URL;
  if (url) {
    log("[db] using DATABASE_URL");
  } else {
    const embedded = await startEmbeddedPostgres({ log });
    shutdown.push("PostgreSQL", () => embedded.stop());
    url = embedded.url;
  }
  if (shutdown.stopping) return;

  const pool = createPool(url, 4);
  shutdown.push("database pool", () => pool.end());
  await migrateDatabase(pool);
  log("[db] migrations applied");
  const seed = await seedLibrary(pool);
  log(
    seed.queued > 0
      ? `[db] queued ${seed.queued} of ${seed.total} built-in library structures for import`
      : `[db] built-in library (${seed.total} structures) already queued earlier`,
  );
  if (shutdown.stopping) return;

  // The worker starts before the web build so that the library is imported while Next.js builds.
  // Concurrency: the runner's default (HOPSCAPE_WORKER_CONCURRENCY or the number of CPUs).
  const pipeline = await startPipeline({ connectionString: url });
  shutdown.push("pipeline", () => pipeline.stop());
  log(`[worker] ${pipeline.workerId} running every stage`);

  const env = { ...process.env, DATABASE_URL: url };
  await ensureNextBuild(root, env, log);
  if (shutdown.stopping) return;

  const web = startWebServer(root, host, port, { ...env, PORT: String(port) });
  shutdown.push("web server", () => web.stop());
  void web.exited.then((how) => {
    if (shutdown.stopping) return;
    log(`[web] next start ended unexpectedly (${how})`);
    void stopAll(1);
  });
  if (await waitForHttp(web.url, web.exited)) log(`\nhopscape is running at ${web.url}  (Ctrl-C to stop)\n`);
}

main().catch((e: unknown) => {
  console.error(`[start] ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});
