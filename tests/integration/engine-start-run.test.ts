import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { claimInputs } from "../../workers/engine/claim";
import { startRun } from "../../workers/engine/run-state";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { stageTask } from "../../workers/engine/stage-task";
import { itemStageSingle as itemStage, items } from "./engine-stage-fixtures";
import { useItemDatabase } from "./engine-item-database";

const db = useItemDatabase();
const { rows } = db;

/** Starts a run on a pooled client, as the stage task does. */
async function start(inputKey: string, withInput = true) {
  const client = await db.t.pool.connect();
  try {
    return await startRun(createDb(client), itemStage, inputKey, "worker-a", withInput);
  } finally {
    client.release();
  }
}

const queue = (key: string) => db.t.pool.query("insert into stage_runs (stage, input_key, status) values ($1, $2, 'queued')", [itemStage.name, key]);

describe("starting a run in one statement", () => {
  it("marks the run running and reads the settings and the input row as drizzle's select does", async () => {
    await db.t.pool.query(
      `insert into start_run_items values
         (1, 'it''s', '2026-01-02 03:04:05.678+02', '2026-01-02 03:04:05.5', '{"a": [1, "x"], "b": null}', 'NaN'),
         (2, null, null, null, '"text"', -0.5)`,
    );
    await saveStageSettings(db.t.db, itemStage, { params: { times: 5 }, timeLimitSeconds: 7 });
    for (const key of ["1", "2"]) {
      await queue(key);
      // Twice: the second start is on the same connection's prepared statement, and counts a second attempt.
      for (const attempt of [1, 2]) {
        const started = await start(key);
        expect(started?.fence).toEqual({ stage: itemStage.name, inputKey: key, workerId: "worker-a", attempt });
        expect(started?.settings).toEqual({ params: { times: 5, spinMs: 0, spinIds: [] }, timeLimitSeconds: 7 });
        const [expected] = await db.t.db.select().from(items).where(eq(items.id, Number(key)));
        expect(started?.input).toEqual(expected);
      }
      expect(await rows("select status, attempts, worker_id, started_at is not null as started from stage_runs where input_key = $1", [key])).toEqual([
        { status: "running", attempts: 2, worker_id: "worker-a", started: true },
      ]);
    }
  });

  it("does nothing to a run that no longer waits for a job", async () => {
    await db.t.pool.query("insert into stage_runs (stage, input_key, status, attempts) values ($1, '3', 'done', 1), ($1, '4', 'pending', 0)", [itemStage.name]);
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
    await db.t.pool.query("insert into start_run_items (id) values (7)");
    await queue("7");
    expect(await start("7", false)).toMatchObject({ fence: { attempt: 1 }, input: undefined });
  });
});

describe("a stage task", () => {
  const claimAndRun = async (id: number) => {
    await db.t.pool.query("insert into start_run_items (id) values ($1)", [id]);
    const settings = await readStageSettings(db.t.db, itemStage);
    await db.t.db.transaction((tx) => claimInputs(tx, itemStage, settings, 1));
    await stageTask(itemStage, { workerId: "worker-a" })({ inputKey: String(id) }, db.helpers(`job-${id}`));
  };
  const run = async (key: string) => (await rows("select status, attempts, result, last_error from stage_runs where input_key = $1", [key]))[0];

  it("seeds missing settings, runs the computation in a compute thread and writes its rows with the outcome", async () => {
    await claimAndRun(3);
    expect(await run("3")).toEqual({ status: "done", attempts: 1, result: { ids: [3] }, last_error: null });
    expect(await rows("select id, value from start_run_outputs")).toEqual([{ id: 3, value: 6 }]);
    expect(await rows("select version from stage_settings")).toEqual([{ version: 1 }]);
  });

  it("fails the run when the computation throws, or the input is gone", async () => {
    await claimAndRun(-1);
    expect(await run("-1")).toMatchObject({ status: "failed", last_error: "negative input" });
    await queue("8");
    await stageTask(itemStage, { workerId: "worker-a" })({ inputKey: "8" }, db.helpers("job-8"));
    expect(await run("8")).toMatchObject({ status: "failed", last_error: "input 8 no longer exists" });
    expect(await rows("select id from start_run_outputs")).toEqual([]);
  });

  it("fails a computation that ran past the time limit, without its rows", async () => {
    await saveStageSettings(db.t.db, itemStage, { params: { spinMs: 1100 }, timeLimitSeconds: 1 });
    await claimAndRun(4);
    expect(await run("4")).toMatchObject({ status: "failed", last_error: "time limit of 1 s exceeded" });
    expect(await rows("select id from start_run_outputs")).toEqual([]);
  });
});
