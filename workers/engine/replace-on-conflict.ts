import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The SET of an idempotent stage write (`INSERT … ON CONFLICT DO UPDATE`): a re-run replaces every
 * column of the existing row with the new values except the identity columns listed (by TypeScript
 * key) and `createdAt`, and stamps `updatedAt`, so a row keeps its id across re-runs.
 */
export function replaceOnConflict(table: PgTable, identity: string[]): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => !["id", "createdAt", ...identity].includes(key))
      .map(([key, column]) => [key, key === "updatedAt" ? sql`now()` : sql.raw(`excluded."${column.name}"`)]),
  );
}
