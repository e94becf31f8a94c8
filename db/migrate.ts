import { migrate } from "drizzle-orm/node-postgres/migrator";
import { runMigrations } from "graphile-worker";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { createDb } from "./client";
import { quietWorkerLogger } from "./worker-logger";

/** The committed drizzle-kit migrations, found beside this file so the cwd does not matter. */
export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Brings a database up to date: our tables (drizzle migrations) and graphile-worker's own schema.
 * Both are idempotent, so this runs on every start. Worker migrations are applied here too, not only
 * by the runner, so that jobs can be queued (e.g. by the web server) before any worker has started.
 */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  await migrate(createDb(pool), { migrationsFolder: MIGRATIONS_FOLDER });
  await runMigrations({ pgPool: pool, logger: quietWorkerLogger });
}
