import { describe, expect, it } from "vitest";
import { BatchFencedOutError, startSiblingRuns, writeBatch } from "../../workers/engine/batch-runs";
import { claimInputs } from "../../workers/engine/claim";
import { DEFAULT_RECOVERY } from "../../workers/engine/feeder";
import { recoverStage } from "../../workers/engine/recovery";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { stageTask } from "../../workers/engine/stage-task";
import { itemStageBatched as stage } from "./engine-stage-fixtures";
import { useItemDatabase } from "./engine-item-database";

const db = useItemDatabase();
const { warnings, rows } = db;
const runs = () => rows<{ input_key: string; status: string }>("select input_key, status from stage_runs order by input_key::int");
const jobKeys = async () => (await rows<{ key: string }>("select key from graphile_worker.jobs order by id")).map((r) => r.key);
const outputIds = async () => (await rows<{ id: number }>("select id from start_run_outputs order by id")).map((r) => r.id);

/** Inputs `ids`, all claimed (one job each, in id order). */
async function claim(ids: number[]) {
  await db.t.pool.query("insert into start_run_items (id) select unnest($1::int[])", [ids]);
  const settings = await readStageSettings(db.t.db, stage);
  return db.t.db.transaction((tx) => claimInputs(tx, stage, settings, ids.length));
}

/** The stage task for input `id`'s job, as a worker that locked it would run it. */
async function runJob(id: number) {
  await db.t.pool.query("update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test-pool' where key = $1", [`${stage.name}:${id}`]);
  await stageTask(stage, { workerId: "worker-a" })({ inputKey: String(id) }, db.helpers(`job-${id}`));
  await db.t.pool.query("delete from graphile_worker._private_jobs where key = $1", [`${stage.name}:${id}`]);
}

const statuses = (ids: number[], status: string) => ids.map((id) => ({ input_key: String(id), status }));

describe("a job of a stage with a batch size", () => {
  it("computes its own input and takes up to batchSize - 1 queued siblings, oldest first, each written once", async () => {
    await saveStageSettings(db.t.db, stage, { concurrency: 20 });
    await claim([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await runJob(1);
    expect(await runs()).toEqual([...statuses([1, 2, 3, 4], "done"), ...statuses([5, 6, 7, 8, 9, 10, 11, 12], "queued")]);
    expect(await outputIds()).toEqual([1, 2, 3, 4]);
    // The siblings' jobs are gone; the rest wait for workers.
    expect(await jobKeys()).toEqual([5, 6, 7, 8, 9, 10, 11, 12].map((id) => `${stage.name}:${id}`));
    expect(await rows("select input_key, attempts, result from stage_runs where input_key = '3'")).toEqual([{ input_key: "3", attempts: 1, result: { ids: [3] } }]);
  });

  it("leaves at least as many waiting jobs as it takes, so few runs still spread over the workers", async () => {
    await claim([1, 2, 3]);
    await runJob(1);
    // Two jobs waited: one is taken.
    expect(await runs()).toEqual([...statuses([1, 2], "done"), ...statuses([3], "queued")]);
    await runJob(3);
    expect(await runs()).toEqual(statuses([1, 2, 3], "done"));
    expect(await jobKeys()).toEqual([]);
  });

  it("takes no job another worker has locked", async () => {
    await claim([1, 2, 3, 4, 5, 6, 7, 8]);
    await db.t.pool.query("update graphile_worker._private_jobs set locked_at = now(), locked_by = 'other-pool' where key <> $1", [`${stage.name}:1`]);
    await runJob(1);
    expect((await runs()).filter((r) => r.status === "done")).toEqual(statuses([1], "done"));
  });

  it("fails only the inputs whose computation throws or overruns, writes the others and hands back what is left", async () => {
    await saveStageSettings(db.t.db, stage, { params: { spinMs: 1500, spinIds: [3] }, timeLimitSeconds: 1 });
    await claim([1, -2, 3, 4, 5, 6, 7, 8]);
    await runJob(1);
    const failed = await rows("select input_key, status, last_error from stage_runs where status <> 'queued' order by input_key::int");
    expect(failed).toEqual([
      { input_key: "-2", status: "failed", last_error: "negative input" },
      { input_key: "1", status: "done", last_error: null },
      { input_key: "3", status: "failed", last_error: "time limit of 1 s exceeded" },
      // Begun after the batch had used half the time limit: back to the queue.
      { input_key: "4", status: "pending", last_error: "handed back unstarted by its batch" },
    ]);
    expect(await outputIds()).toEqual([1]);
  });

  it("hands back the siblings not begun within half the time limit", async () => {
    // Input 1 ends after 0.4 s or more, 2 (if begun before 0.5 s) after 0.8 s: 3 and 4 are never begun.
    await saveStageSettings(db.t.db, stage, { params: { spinMs: 400 }, timeLimitSeconds: 1 });
    await claim([1, 2, 3, 4, 5, 6, 7, 8]);
    await runJob(1);
    const batch = (await runs()).slice(0, 4);
    expect(batch[0]).toEqual({ input_key: "1", status: "done" });
    expect(["done", "pending"]).toContain(batch[1].status);
    expect(batch.slice(2)).toEqual(statuses([3, 4], "pending"));
    expect(await outputIds()).toEqual(batch.filter((r) => r.status === "done").map((r) => Number(r.input_key)));
    expect(await rows("select worker_id, claimed_at, last_error from stage_runs where input_key = '3'")).toEqual([
      { worker_id: null, claimed_at: null, last_error: "handed back unstarted by its batch" },
    ]);
  });

  it("writes one input at a time when the database refuses one input's rows, failing only that run", async () => {
    await claim([1, 0, 3, 4, 5, 6, 7, 8]);
    await runJob(1);
    const done = await rows("select input_key, status, last_error from stage_runs where status <> 'queued' order by input_key::int");
    expect(done).toMatchObject([
      { input_key: "0", status: "failed", last_error: expect.stringMatching(/null value in column "value"/) },
      { input_key: "1", status: "done" },
      { input_key: "3", status: "done" },
      { input_key: "4", status: "done" },
    ]);
    expect(await outputIds()).toEqual([1, 3, 4]);
    expect(warnings.join("\n")).toMatch(/batch of 4 written one by one/);
  });
});

describe("a batch's siblings and recovery", () => {
  it("writes the others when one sibling is taken over while the batch computes", async () => {
    await saveStageSettings(db.t.db, stage, { params: { spinMs: 600, spinIds: [2] } });
    await claim([1, 2, 3, 4, 5, 6, 7, 8]);
    const job = runJob(1);
    // While input 2 computes, recovery gives input 4 to another worker.
    await new Promise((r) => setTimeout(r, 300));
    await db.t.pool.query("update stage_runs set worker_id = 'worker-b', attempts = attempts + 1 where input_key = '4' and status = 'running'");
    await job;
    expect((await runs()).slice(0, 4)).toEqual([...statuses([1, 2, 3], "done"), ...statuses([4], "running")]);
    expect(await outputIds()).toEqual([1, 2, 3]);
    expect(warnings.join("\n")).toMatch(/runs 4 of the batch were taken over/);
  });


  it("returns the siblings of a dead worker to the queue, and they run once more", async () => {
    await claim([1, 2, 3, 4, 5, 6, 7, 8]);
    await db.t.pool.query("insert into workers (id, host, pid, stages, stopped_at) values ('worker-dead', 'h', 1, '{}', now())");
    const siblings = await db.t.db.transaction((tx) => startSiblingRuns(tx as never, stage, "worker-dead", 3));
    expect(siblings.map((f) => f.inputKey)).toEqual(["1", "2", "3"]);
    const settings = await readStageSettings(db.t.db, stage);
    const recovered = await db.t.db.transaction((tx) => recoverStage(tx, stage, settings, DEFAULT_RECOVERY));
    expect(recovered.requeued.sort()).toEqual(["1", "2", "3"]);
    expect((await runs()).slice(0, 3)).toEqual(statuses([1, 2, 3], "pending"));
    // The dead worker's late outcome is refused by the fence: the batch is rolled back, nothing written.
    const late = siblings.map((fence) => ({ fence, input: { id: Number(fence.inputKey) }, outcome: { status: "done" as const, rows: [{ id: Number(fence.inputKey), value: 1 }] } }));
    await expect(db.t.db.transaction((tx) => writeBatch(tx, stage, late, {}))).rejects.toThrow(BatchFencedOutError);
    expect(await outputIds()).toEqual([]);
  });

  it("leaves a live worker's siblings running", async () => {
    await claim([1, 2, 3, 4, 5, 6]);
    await db.t.pool.query("insert into workers (id, host, pid, stages) values ('worker-live', 'h', 1, '{}')");
    await db.t.db.transaction((tx) => startSiblingRuns(tx as never, stage, "worker-live", 2));
    const settings = await readStageSettings(db.t.db, stage);
    const recovered = await db.t.db.transaction((tx) => recoverStage(tx, stage, settings, DEFAULT_RECOVERY));
    expect(recovered).toEqual({ requeued: [], failed: [] });
    expect((await runs()).slice(0, 2)).toEqual(statuses([1, 2], "running"));
  });
});
