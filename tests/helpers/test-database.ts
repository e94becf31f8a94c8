import { randomBytes } from "node:crypto";
import type pg from "pg";
import { inject } from "vitest";
import { createDb, createPool, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { adminQuery, databaseUrlFor } from "./database-admin";

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  pool: pg.Pool;
  db: Database;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database with a random name on the test server (see tests/global-setup.ts), with every
 * migration applied: each test file gets its own, so files can run in parallel.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = inject("baseDatabaseUrl");
  const name = `hopscape_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = databaseUrlFor(baseUrl, name);
  const pool = createPool(url);
  await migrateDatabase(pool);
  return {
    url,
    pool,
    db: createDb(pool),
    async drop() {
      await pool.end();
      // FORCE ends connections a test left open (e.g. a worker that failed to stop) instead of hanging.
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
