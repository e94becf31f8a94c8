import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const DEFAULT_PRUNE_SCHEDULE = "0 3 * * *";
export const DEFAULT_PRUNE_OLDER_THAN_SECONDS = 7 * 24 * 3600;

/**
 * Settings of the maintenance cron job (one row, id 1; no row means the defaults): when pruning runs
 * (a crontab pattern, server time) and how old finished workflow metadata must be to be pruned.
 */
export const maintenanceSettings = pgTable(
  "maintenance_settings",
  {
    id: integer("id").primaryKey().default(1),
    pruneSchedule: text("prune_schedule").notNull().default(DEFAULT_PRUNE_SCHEDULE),
    pruneOlderThanSeconds: integer("prune_older_than_seconds").notNull().default(DEFAULT_PRUNE_OLDER_THAN_SECONDS),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    check("maintenance_settings_single_row", sql`${t.id} = 1`),
    check("maintenance_settings_age_check", sql`${t.pruneOlderThanSeconds} >= 0`),
  ],
);

export type MaintenanceSettingsRow = typeof maintenanceSettings.$inferSelect;
