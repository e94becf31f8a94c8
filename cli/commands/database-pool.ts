import type pg from "pg";
import { createPool, databaseUrl } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

/**
 * Runs `fn` with a pool on DATABASE_URL, migrated first (these commands may be the first to reach a
 * new database, e.g. the empty one a checkpoint is restored into), and closes the pool afterwards.
 */
export async function withMigratedDatabase<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl(), 2);
  try {
    await migrateDatabase(pool);
    return await fn(pool);
  } finally {
    await pool.end();
  }
}
