import { createDb, poolOf, type Database } from "./client";

/** The `tx` that drizzle hands to a transaction's callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Isolation level, access mode and deferrable of a transaction. */
export type TransactionConfig = Parameters<Database["transaction"]>[1];

/**
 * Runs `fn` in a transaction, as `db.transaction(fn, config)` does, but over a pool on a connection of
 * its own that is always given back: drizzle 0.45's transaction on a pool checks a connection out and
 * runs BEGIN before its try/finally, so when BEGIN fails (the database restarted and the pooled
 * connection is dead) the connection is never released, and repeated that drains the pool.
 *
 * The connection goes back to the pool when the transaction ended cleanly (committed, or rolled back
 * after `fn` threw); when BEGIN, COMMIT or ROLLBACK itself failed it is discarded instead, as its
 * state is unknown (a COMMIT that PostgreSQL refused, e.g. a serialization failure, costs only a new
 * connection). Over a single client it is that client's transaction; inside a transaction, a savepoint.
 */
export async function transaction<T>(
  db: Database | Transaction,
  fn: (tx: Transaction) => Promise<T>,
  config?: TransactionConfig,
): Promise<T> {
  const pool = poolOf(db);
  if (!pool) {
    // A transaction has no $client; a database over a single client does.
    return "$client" in db ? (db as Database).transaction(fn, config) : (db as Transaction).transaction(fn);
  }
  const client = await pool.connect();
  let fnError: { error: unknown } | undefined;
  let broken: Error | undefined;
  try {
    return await createDb(client).transaction(async (tx) => {
      try {
        return await fn(tx);
      } catch (error) {
        fnError = { error };
        throw error;
      }
    }, config);
  } catch (error) {
    // Anything but fn's own error came from BEGIN, COMMIT or ROLLBACK.
    if (!fnError || fnError.error !== error) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // With an error, pg's pool ends the connection rather than keeping it idle.
    client.release(broken);
  }
}
