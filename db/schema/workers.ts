import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Worker processes, registered at start and kept alive by a heartbeat so stale claims can be found. */
export const workers = pgTable("workers", {
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  /** The task identifiers (stages) this worker runs. */
  stages: text("stages").array().notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().default(sql`now()`),
  lastHeartbeat: timestamp("last_heartbeat", { withTimezone: true }).notNull().default(sql`now()`),
  stoppedAt: timestamp("stopped_at", { withTimezone: true }),
  /**
   * The ids graphile-worker locks this process's jobs with (`locked_by`: its worker pool's id), so that
   * recovery can force them open once the process is dead. Emptied when recovery has done so.
   */
  graphileLockIds: text("graphile_lock_ids").array().notNull().default(sql`'{}'::text[]`),
});

export type WorkerRow = typeof workers.$inferSelect;
