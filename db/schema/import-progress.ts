import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Where a remote import stands, as the dashboard shows it. */
export type ImportProgressStatus = "queued" | "running" | "done" | "failed";

/**
 * One paged remote import (Materials Project, OPTIMADE) by its query key: the cursor of the next
 * page (null once finished, so the next run starts over), the counts, and the run's status and
 * error. `request` is the query as submitted, without any API key: a key is never stored here.
 * Counts are typed loosely because db/ does not import from server/ (ImportCounts is their shape).
 */
export const importProgress = pgTable("import_progress", {
  key: text("key").primaryKey(),
  /** "mp" or "optimade"; null on rows written by a bare progress store. */
  source: text("source"),
  request: jsonb("request").$type<Record<string, unknown>>(),
  cursor: text("cursor"),
  counts: jsonb("counts").$type<Record<string, unknown>>().notNull(),
  status: text("status").$type<ImportProgressStatus>().notNull().default("running"),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

export type ImportProgressRow = typeof importProgress.$inferSelect;
