import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const STAGE_RUN_STATUSES = ["pending", "queued", "running", "done", "failed", "skipped"] as const;
export type StageRunStatus = (typeof STAGE_RUN_STATUSES)[number];

/**
 * What a finished run produced, as ids into the stage's own result table. The structures stage may
 * create several rows from one uploaded file, and points at existing rows for duplicates, so this is
 * a small JSON document rather than a single foreign key.
 */
export interface StageRunResult {
  /** Result rows written or found by this run, in input order. */
  ids: number[];
  /** Of `ids`, those that already existed (an identical structure was imported before). */
  duplicateIds?: number[];
}

/**
 * Workflow state, one row per (stage, input): kept apart from the result tables so that results hold
 * only science and finished runs can be pruned without touching them.
 */
export const stageRuns = pgTable(
  "stage_runs",
  {
    id: serial("id").primaryKey(),
    stage: text("stage").notNull(),
    /** Identifies the input within the stage: a row id, or for imports a hash of the raw input. */
    inputKey: text("input_key").notNull(),
    status: text("status", { enum: STAGE_RUN_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Human-readable outcome beyond the status, e.g. "duplicate of #12". */
    note: text("note"),
    result: jsonb("result").$type<StageRunResult>(),
    workerId: text("worker_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /**
     * Set when someone moved this input to the front of its stage's queue: while the run is pending,
     * the feeder claims it before anything its priority would pick, latest move first.
     */
    frontAt: timestamp("front_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("stage_runs_stage_input_key").on(t.stage, t.inputKey),
    index("stage_runs_stage_status_idx").on(t.stage, t.status),
    // The TypeScript enum guards our code; this guards hand-written SQL and future migrations.
    check(
      "stage_runs_status_check",
      sql`${t.status} in ('pending', 'queued', 'running', 'done', 'failed', 'skipped')`,
    ),
  ],
);

export type StageRunRow = typeof stageRuns.$inferSelect;
export type NewStageRunRow = typeof stageRuns.$inferInsert;
