import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Database = NodePgDatabase<Schema>;

/** The connection string from DATABASE_URL, or a clear error saying how to get one. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start hopscape with `npm start` (it starts an embedded PostgreSQL), " +
        "or set DATABASE_URL=postgres://user:password@host:port/database.",
    );
  }
  return url;
}

/**
 * A pool that logs instead of crashing the process when a connection drops (e.g. a DB restart): an
 * 'error' event without a listener, on the pool or on a checked-out client, would be thrown.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on("error", (err) => console.error(`[db] idle connection error: ${err.message}`));
  pool.on("connect", (client) => {
    client.on("error", (err) => console.error(`[db] connection error: ${err.message}`));
  });
  return pool;
}

// drizzle reads the whole schema's relations each time an instance is made, which costs more than a
// query: jobs ask for one per statement on pooled clients, so each client keeps its instance.
const instances = new WeakMap<pg.Pool | pg.PoolClient | pg.Client, Database>();

/** A drizzle instance with the full schema over any pool or client (the same one for the same client). */
export function createDb(client: pg.Pool | pg.PoolClient | pg.Client): Database {
  let db = instances.get(client);
  if (!db) {
    db = drizzle({ client, schema });
    instances.set(client, db);
  }
  return db;
}

/**
 * The pool a drizzle instance runs on, or undefined for one over a single client or a transaction
 * (drizzle keeps what it was made with as $client, which the Database type leaves out).
 */
export function poolOf(db: object): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

// Kept on globalThis so that Next.js dev-mode module reloads reuse one pool instead of leaking one per reload.
interface ClientCache {
  pool?: pg.Pool;
  db?: Database;
}
const cacheKey = Symbol.for("hopscape.db.client");
const cache = ((globalThis as Record<symbol, ClientCache>)[cacheKey] ??= {});

/** The process-wide pool for DATABASE_URL, created on first use. */
export function getPool(): pg.Pool {
  cache.pool ??= createPool(databaseUrl());
  return cache.pool;
}

/** The process-wide drizzle instance over getPool(). */
export function getDb(): Database {
  cache.db ??= createDb(getPool());
  return cache.db;
}

/** Ends the process-wide pool (for a clean shutdown); a later getPool() opens a new one. */
export async function closeDb(): Promise<void> {
  const pool = cache.pool;
  cache.pool = undefined;
  cache.db = undefined;
  await pool?.end();
}
