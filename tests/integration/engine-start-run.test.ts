import { eq, sql } from "drizzle-orm";
import { doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDb } from "../../db/client";
import { claimInputs } from "../../workers/engine/claim";
import { defineStage } from "../../workers/engine/define-stage";
import { startRun } from "../../workers/engine/run-state";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { stageTask } from "../../workers/engine/stage-task";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { fakeJobHelpers } from "./fake-job-helpers";

// An input table with columns of the types drizzle maps itself (timestamps, jsonb, float8, nulls).
const items = pgTable("start_run_items", {
  id: integer("id").primaryKey(),
  label: text("label"),
  at: timestamp("at", { withTimezone: true }),
  localAt: timestamp("local_at"),
  doc: jsonb("doc"),
  x: doublePrecision("x"),
});
const outputs = pgTable("start_run_outputs", { id: integer("id").primaryKey(), value: integer("value").notNull() });
const TABLES_SQL = `
  create table start_run_items (id integer primary key, label text, at timestamptz, local_at timestamp, doc jsonb, x float8);
  create table start_run_outputs (id integer primary key, value integer not null);`;

/** Computes on the job's thread (`inline`): a negative id throws; `spinMs` keeps it busy that long. */
const inlineStage = defineStage({
  name: "start-run-inline",
  inline: true,
  input: { table: items, key: items.id },
  output: { table: outputs, key: outputs.id },
  defaults: { criteria: [], priority: [], concurrency: 10, params: { times: 2, spinMs: 0 } },
  params: z.object({ times: z.number(), spinMs: z.number() }),
  criteriaColumns: { id: items.id },
  run: (input: { id: number }, params) => {
    if (input.id < 0) throw new Error("negative input");
    const until = performance.now() + params.spinMs;
    while (performance.now() < until);
    return [{ id: input.id, value: input.id * params.times }];
  },
  write: async (tx, _input, rows: Array<{ id: number; value: number }>) => {
    const written = await tx
      .insert(outputs)
      .values(rows)
      .onConflictDoUpdate({ target: outputs.id, set: { value: sql`excluded.value` } })
      .returning({ id: outputs.id });
    return written.map((r) => r.id);
  },
});

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  helpers = fakeJobHelpers(t.pool, warnings);
  await t.pool.query(TABLES_SQL);
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  await t.pool.query("truncate start_run_items, start_run_outputs, stage_settings, stage_settings_versions; delete from stage_runs");
});

const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.pool.query(text, params)).rows as T[];
const warnings: string[] = [];
/** Set in beforeAll, once the test database exists. */
let helpers: ReturnType<typeof fakeJobHelpers>;

/** Starts a run on a pooled client, as the stage task does. */
async function start(inputKey: string, withInput = true) {
  const client = await t.pool.connect();
  try {
    return await startRun(createDb(client), inlineStage, inputKey, "worker-a", withInput);
  } finally {
    client.release();
  }
}

const queue = (key: string) => t.pool.query("insert into stage_runs (stage, input_key, status) values ($1, $2, 'queued')", [inlineStage.name, key]);

describe("starting a run in one statement", () => {
  it("marks the run running and reads the settings and the input row as drizzle's select does", async () => {
    await t.pool.query(
      `insert into start_run_items values
         (1, 'it''s', '2026-01-02 03:04:05.678+02', '2026-01-02 03:04:05.5', '{"a": [1, "x"], "b": null}', 'NaN'),
         (2, null, null, null, '"text"', -0.5)`,
    );
    await saveStageSettings(t.db, inlineStage, { params: { times: 5 }, timeLimitSeconds: 7 });
    for (const key of ["1", "2"]) {
      await queue(key);
      // Twice: the second start is on the same connection's prepared statement, and counts a second attempt.
      for (const attempt of [1, 2]) {
        const started = await start(key);
        expect(started?.fence).toEqual({ stage: inlineStage.name, inputKey: key, workerId: "worker-a", attempt });
        expect(started?.settings).toEqual({ params: { times: 5, spinMs: 0 }, timeLimitSeconds: 7 });
        const [expected] = await t.db.select().from(items).where(eq(items.id, Number(key)));
        expect(started?.input).toEqual(expected);
      }
      expect(await rows("select status, attempts, worker_id, started_at is not null as started from stage_runs where input_key = $1", [key])).toEqual([
        { status: "running", attempts: 2, worker_id: "worker-a", started: true },
      ]);
    }
  });

  it("does nothing to a run that no longer waits for a job", async () => {
    await t.pool.query("insert into stage_runs (stage, input_key, status, attempts) values ($1, '3', 'done', 1), ($1, '4', 'pending', 0)", [inlineStage.name]);
    expect(await start("3")).toBeUndefined();
    expect(await start("4")).toBeUndefined();
    expect(await start("5")).toBeUndefined();
    expect(await rows("select input_key, status, attempts from stage_runs order by input_key")).toEqual([
      { input_key: "3", status: "done", attempts: 1 },
      { input_key: "4", status: "pending", attempts: 0 },
    ]);
  });

  it("starts the run when its settings or its input row are missing, and says so", async () => {
    await queue("6");
    const started = await start("6");
    expect(started?.fence.attempt).toBe(1);
    expect(started?.settings).toBeUndefined();
    expect(started?.input).toBeUndefined();
    // A key that is no integer has no row (and is not sent as one).
    await queue("9007199254740993");
    expect((await start("9007199254740993"))?.input).toBeUndefined();
    // Without the input: not read.
    await t.pool.query("insert into start_run_items (id) values (7)");
    await queue("7");
    expect(await start("7", false)).toMatchObject({ fence: { attempt: 1 }, input: undefined });
  });
});

describe("a stage task", () => {
  const claimAndRun = async (id: number) => {
    await t.pool.query("insert into start_run_items (id) values ($1)", [id]);
    const settings = await readStageSettings(t.db, inlineStage);
    await t.db.transaction((tx) => claimInputs(tx, inlineStage, settings, 1));
    await stageTask(inlineStage, { workerId: "worker-a" })({ inputKey: String(id) }, helpers(`job-${id}`));
  };
  const run = async (key: string) => (await rows("select status, attempts, result, last_error from stage_runs where input_key = $1", [key]))[0];

  it("seeds missing settings, runs an inline computation and writes its rows with the outcome", async () => {
    await claimAndRun(3);
    expect(await run("3")).toEqual({ status: "done", attempts: 1, result: { ids: [3] }, last_error: null });
    expect(await rows("select id, value from start_run_outputs")).toEqual([{ id: 3, value: 6 }]);
    expect(await rows("select version from stage_settings")).toEqual([{ version: 1 }]);
  });

  it("fails the run when the inline computation throws, or the input is gone", async () => {
    await claimAndRun(-1);
    expect(await run("-1")).toMatchObject({ status: "failed", last_error: "negative input" });
    await queue("8");
    await stageTask(inlineStage, { workerId: "worker-a" })({ inputKey: "8" }, helpers("job-8"));
    expect(await run("8")).toMatchObject({ status: "failed", last_error: "input 8 no longer exists" });
    expect(await rows("select id from start_run_outputs")).toEqual([]);
  });

  it("fails an inline computation that ran past the time limit, without its rows", async () => {
    await saveStageSettings(t.db, inlineStage, { params: { spinMs: 1100 }, timeLimitSeconds: 1 });
    await claimAndRun(4);
    expect(await run("4")).toMatchObject({ status: "failed", last_error: "time limit of 1 s exceeded" });
    expect(await rows("select id from start_run_outputs")).toEqual([]);
  });
});
