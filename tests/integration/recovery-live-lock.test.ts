import { describe, expect, it } from "vitest";
import { claimInputs } from "../../workers/engine/claim";
import type { AnyStage } from "../../workers/engine/define-stage";
import { DEFAULT_RECOVERY } from "../../workers/engine/feeder";
import { recoverStage } from "../../workers/engine/recovery";
import { readStageSettings } from "../../workers/engine/settings";
import { useItemDatabase } from "./engine-item-database";
import { itemStageBatched, itemStageSingle } from "./engine-stage-fixtures";

const db = useItemDatabase();
const { rows } = db;

const recover = async (stage: AnyStage) => {
  const settings = await readStageSettings(db.t.db, stage);
  return db.t.db.transaction((tx) => recoverStage(tx, stage, settings, DEFAULT_RECOVERY));
};
const lockOf = async (key: string) => (await rows<{ locked_by: string | null }>("select locked_by from graphile_worker.jobs where key = $1", [key]))[0]?.locked_by;

/**
 * graphile-worker locks jobs with the id of a process's worker pool, so forcing open one dead run's
 * lock frees every job of that pool, those of other stages too; a live worker may take one before its
 * own stage's recovery runs. That recovery must leave the job and the run to the live worker.
 */
describe("recovery of a dead worker's runs in two stages", () => {
  it("leaves a run whose job a live worker took meanwhile, and the live worker's locks", async () => {
    await db.t.pool.query("insert into start_run_items (id) values (1)");
    for (const stage of [itemStageSingle, itemStageBatched]) {
      const settings = await readStageSettings(db.t.db, stage);
      await db.t.db.transaction((tx) => claimInputs(tx, stage, settings, 1));
    }
    await db.t.pool.query(`insert into workers (id, host, pid, stages, stopped_at, graphile_lock_ids) values
      ('dead', 'h', 1, '{}', now(), '{pool-dead}'), ('live', 'h', 2, '{}', null, '{pool-live}')`);
    await db.t.pool.query("update stage_runs set status = 'running', worker_id = 'dead', attempts = 1, started_at = now()");
    await db.t.pool.query("update graphile_worker._private_jobs set locked_by = 'pool-dead', locked_at = now()");
    // Another job the live worker holds, which must stay locked.
    await db.t.pool.query("select graphile_worker.add_job('maintenance:prune', '{}'::json, job_key => 'live-job')");
    await db.t.pool.query("update graphile_worker._private_jobs set locked_by = 'pool-live', locked_at = now() where key = 'live-job'");

    expect(await recover(itemStageSingle)).toEqual({ requeued: ["1"], failed: [] });
    // The dead pool's lock is open on the other stage's job too; a live worker takes it.
    expect(await lockOf(`${itemStageBatched.name}:1`)).toBeNull();
    await db.t.pool.query("update graphile_worker._private_jobs set locked_by = 'pool-live', locked_at = now() where key = $1", [`${itemStageBatched.name}:1`]);

    expect(await recover(itemStageBatched)).toEqual({ requeued: [], failed: [] });
    expect(await lockOf(`${itemStageBatched.name}:1`)).toBe("pool-live");
    expect(await lockOf("live-job")).toBe("pool-live");
    expect(await rows("select stage, status from stage_runs order by stage")).toEqual([
      { stage: itemStageBatched.name, status: "running" },
      { stage: itemStageSingle.name, status: "pending" },
    ]);
  });
});
