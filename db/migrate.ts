import { readMigrationFiles } from "drizzle-orm/migrator";
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
  if (!(await schemaIsCurrent(pool))) await migrate(createDb(pool), { migrationsFolder: MIGRATIONS_FOLDER });
  await runMigrations({ pgPool: pool, logger: quietWorkerLogger });
}

/**
 * Whether drizzle has recorded every committed migration (it applies those newer than its newest
 * record). Checked first because drizzle's migrate always begins with CREATE SCHEMA IF NOT EXISTS,
 * which PostgreSQL refuses to a role without CREATE on the database even when the schema exists:
 * a worker running as the limited role of docs/deployment.md must get through an up-to-date start.
 */
async function schemaIsCurrent(pool: pg.Pool): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis));
  try {
    const { rows } = await pool.query<{ last: string | null }>("select max(created_at)::text as last from drizzle.__drizzle_migrations");
    return rows[0].last !== null && Number(rows[0].last) >= newest;
  } catch (e) {
    // undefined_table / invalid_schema_name: a new database, which migrate sets up.
    if (["42P01", "3F000"].includes((e as { code?: string }).code ?? "")) return false;
    throw e;
  }
}
