import { sql } from "drizzle-orm";
import { integer, pgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { defineStage } from "../../workers/engine/define-stage";

/** The no-op stage's input: bare keys. Not in the project's schema; `NOOP_TABLES_SQL` makes it in the bench database. */
export const noopInput = pgTable("bench_noop_input", { id: integer("id").primaryKey() });
/** One tiny output row per input. */
export const noopOutput = pgTable("bench_noop_output", { inputId: integer("input_id").primaryKey() });

/** The tables, and the insert trigger that wakes feeders as the project's input tables do (migration 0002). */
export const NOOP_TABLES_SQL = `
  create table bench_noop_input (id integer primary key);
  create table bench_noop_output (input_id integer primary key);
  create trigger bench_noop_input_notify_input after insert on bench_noop_input
    for each statement execute function hopscape_notify_input();`;

/** Inputs a job of the batched no-op stage computes (the job's own and up to 7 waiting siblings). */
export const NOOP_BATCH_SIZE = 16;

/**
 * A stage that does nothing, through the whole engine: the feeder claims its input (run + job in one
 * transaction), the stage task starts the run, reads settings and the input row, runs `run` in the
 * compute thread (this module is its `module`, so the thread finds it) and writes one output row in
 * the transaction that marks the run done. With `batchSize`, a job also takes waiting siblings.
 */
function noop(name: string, batchSize?: number) {
  return defineStage({
    name,
    module: import.meta.url,
    batchSize,
    input: { table: noopInput, key: noopInput.id },
    output: { table: noopOutput, key: noopOutput.inputId },
    // The bench sets the concurrency it measures with; this is only the seed.
    defaults: { criteria: [], priority: [], concurrency: 4, params: {} },
    params: z.object({}),
    criteriaColumns: { id: noopInput.id },
    run: (input: { id: number }) => [{ inputId: input.id }],
    write: async (tx, _input, rows: Array<{ inputId: number }>) => {
      const written = await tx
        .insert(noopOutput)
        .values(rows)
        .onConflictDoUpdate({ target: noopOutput.inputId, set: { inputId: sql`excluded.input_id` } })
        .returning({ id: noopOutput.inputId });
      return written.map((r) => r.id);
    },
  });
}

export const noopStage = noop("bench-noop");
export const noopStageBatched = noop("bench-noop-batched", NOOP_BATCH_SIZE);
