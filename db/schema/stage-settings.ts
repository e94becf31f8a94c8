import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** One condition on a whitelisted column; `value` may name a stage parameter ({ param: "ion" }). */
export interface CriterionSetting {
  column: string;
  op: string;
  value?: unknown;
}

/** One ordering term: a whitelisted column with a direction, or a ranking registered in code (workers/engine/rankings.ts) by name. */
export type PrioritySetting = { column: string; dir: "asc" | "desc" } | { ranking: string };

/**
 * A schedule for widening one parameter when a stage runs out of eligible input: `steps` are the
 * values to move to in order, `stepIndex` how many of them have been applied so far.
 */
export interface AutoBroadenSetting {
  param: string;
  steps: Array<number | string>;
  stepIndex: number;
}

/**
 * The live settings of a stage, read by the feeder on every tick so that a change takes effect
 * without a restart. Seeded from the stage's declared defaults the first time the stage runs.
 */
export const stageSettings = pgTable(
  "stage_settings",
  {
    stage: text("stage").primaryKey(),
    criteria: jsonb("criteria").$type<CriterionSetting[]>().notNull(),
    priority: jsonb("priority").$type<PrioritySetting[]>().notNull(),
    /** Jobs of this stage in flight (queued + running) across all workers; 0 stops feeding. */
    concurrency: integer("concurrency").notNull(),
    paused: boolean("paused").notNull().default(false),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    autoBroaden: jsonb("auto_broaden").$type<AutoBroadenSetting | null>(),
    /** A job computing longer than this is stopped and its run failed. */
    timeLimitSeconds: integer("time_limit_seconds").notNull(),
    /** Matches stage_settings_versions.version of the saved version these settings are. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    check("stage_settings_concurrency_check", sql`${t.concurrency} >= 0`),
    check("stage_settings_time_limit_check", sql`${t.timeLimitSeconds} > 0`),
  ],
);

/** Every saved version of a stage's settings, with when and why, so a change can be traced or undone. */
export const stageSettingsVersions = pgTable(
  "stage_settings_versions",
  {
    id: serial("id").primaryKey(),
    stage: text("stage").notNull(),
    version: integer("version").notNull(),
    criteria: jsonb("criteria").$type<CriterionSetting[]>().notNull(),
    priority: jsonb("priority").$type<PrioritySetting[]>().notNull(),
    concurrency: integer("concurrency").notNull(),
    paused: boolean("paused").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    autoBroaden: jsonb("auto_broaden").$type<AutoBroadenSetting | null>(),
    timeLimitSeconds: integer("time_limit_seconds").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("stage_settings_versions_stage_version").on(t.stage, t.version)],
);

export type StageSettingsRow = typeof stageSettings.$inferSelect;
export type StageSettingsVersionRow = typeof stageSettingsVersions.$inferSelect;
