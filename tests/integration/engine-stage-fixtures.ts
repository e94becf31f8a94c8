/**
 * Stages for the engine's task tests, in a module of their own: the compute thread imports it (each
 * stage's `module`) to find `run`, which it could not do from a test file.
 */
import { sql } from "drizzle-orm";
import { doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { z } from "zod";
import { defineStage, type StageDeclaration } from "../../workers/engine/define-stage";

// An input table with columns of the types drizzle maps itself (timestamps, jsonb, float8, nulls).
export const items = pgTable("start_run_items", {
  id: integer("id").primaryKey(),
  label: text("label"),
  at: timestamp("at", { withTimezone: true }),
  localAt: timestamp("local_at"),
  doc: jsonb("doc"),
  x: doublePrecision("x"),
});
export const outputs = pgTable("start_run_outputs", { id: integer("id").primaryKey(), value: integer("value").notNull() });
export const ITEM_TABLES_SQL = `
  create table start_run_items (id integer primary key, label text, at timestamptz, local_at timestamp, doc jsonb, x float8);
  create table start_run_outputs (id integer primary key, value integer not null);`;

const params = z.object({ times: z.number(), spinMs: z.number(), spinIds: z.array(z.number()).default([]) });
type Params = z.output<typeof params>;

/**
 * value = id × times. A negative id throws; id 0 gives a NULL value, which the output table refuses;
 * the ids in `spinIds` (all, when empty) keep the thread busy `spinMs` first.
 */
function itemStage(name: string, batchSize?: number): StageDeclaration<{ id: number }, Params, { id: number; value: number | null }> {
  return defineStage({
    name,
    module: import.meta.url,
    batchSize,
    input: { table: items, key: items.id },
    output: { table: outputs, key: outputs.id },
    defaults: { criteria: [], priority: [], concurrency: 10, params: { times: 2, spinMs: 0, spinIds: [] } },
    params,
    criteriaColumns: { id: items.id },
    run: (input, p) => {
      if (input.id < 0) throw new Error("negative input");
      if (p.spinIds.length === 0 || p.spinIds.includes(input.id)) {
        const until = performance.now() + p.spinMs;
        while (performance.now() < until);
      }
      return [{ id: input.id, value: input.id === 0 ? null : input.id * p.times }];
    },
    write: async (tx, _input, rows) => {
      const written = await tx
        .insert(outputs)
        .values(rows as Array<{ id: number; value: number }>)
        .onConflictDoUpdate({ target: outputs.id, set: { value: sql`excluded.value` } })
        .returning({ id: outputs.id });
      return written.map((r) => r.id);
    },
  });
}

/** One input a job. */
export const itemStageSingle = itemStage("start-run-items");
/** Up to four inputs a job. */
export const itemStageBatched = itemStage("batch-items", 4);
