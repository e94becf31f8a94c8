import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StructureRow } from "../../db/schema/index";
import { caF2, liF } from "../../lib/structure/reference-crystals";
import { DEFAULT_RECOVERY } from "../../workers/engine/feeder";
import { feedStage } from "../../workers/engine/feed-stage";
import { moveToFront, retryFailed } from "../../workers/engine/run-controls";
import { saveStageSettings } from "../../workers/engine/settings";
import { computePathways, pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures } from "./engine-fixtures";

let t: TestDatabase;
/** Rock salts (2 sites, first by the default priority nsites asc) and fluorites (3 sites, last). */
let rockSalts: number[];
let fluorites: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  rockSalts = await insertStructures(t.db, Array.from({ length: 4 }, (_, i) => liF(3.9 + 0.05 * i)));
  fluorites = await insertStructures(t.db, Array.from({ length: 3 }, (_, i) => caF2(5.3 + 0.05 * i)));
  await saveStageSettings(t.db, pathwaysStage, { concurrency: 1, autoBroaden: null }, "test: one at a time");
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  await t.pool.query("select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs))");
  await t.pool.query("delete from stage_runs");
});

const claimOne = async () => (await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).claimed;
/** Frees the stage's one slot as if its run failed, so the next tick claims again. */
const failQueued = () => t.pool.query("update stage_runs set status = 'failed', last_error = 'test' where status = 'queued'");

describe("move to front", () => {
  it("makes the feeder claim a moved input before those its priority puts first, latest move first", async () => {
    expect(await claimOne()).toEqual([String(rockSalts[0])]);
    await failQueued();

    // The fluorites come last by nsites; moved to the front they are claimed first, latest move first.
    expect(await moveToFront(t.db, pathwaysStage, String(fluorites[2]))).toBe(true);
    expect(await moveToFront(t.db, pathwaysStage, String(fluorites[1]))).toBe(true);
    expect(await claimOne()).toEqual([String(fluorites[1])]);
    await failQueued();
    expect(await claimOne()).toEqual([String(fluorites[2])]);
    await failQueued();
    // Then the priority again: the next rock salt.
    expect(await claimOne()).toEqual([String(rockSalts[1])]);
  });

  it("keeps the move when a pause takes the queued run back", async () => {
    expect(await moveToFront(t.db, pathwaysStage, String(fluorites[0]))).toBe(true);
    expect(await claimOne()).toEqual([String(fluorites[0])]);
    await saveStageSettings(t.db, pathwaysStage, { paused: true }, "test: pause");
    expect((await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).withdrawn).toEqual([String(fluorites[0])]);
    await saveStageSettings(t.db, pathwaysStage, { paused: false }, "test: resume");
    expect(await claimOne()).toEqual([String(fluorites[0])]);
  });

  it("refuses inputs that are queued, finished, unknown, or have results without a run", async () => {
    const [claimed] = await claimOne();
    expect(await moveToFront(t.db, pathwaysStage, claimed)).toBe(false);
    expect(await moveToFront(t.db, pathwaysStage, "999999")).toBe(false);
    // A structure with result rows but no run (its run was pruned) must not be recomputed by a move.
    const params = pathwaysStage.params.parse(pathwaysStage.defaults.params);
    const computed = computePathways(liF(3.9 + 0.05 * 3), params);
    await t.db.transaction((tx) => pathwaysStage.write(tx, { id: rockSalts[3] } as StructureRow, computed, params));
    expect(await moveToFront(t.db, pathwaysStage, String(rockSalts[3]))).toBe(false);
    const { rows } = await t.pool.query("select 1 from stage_runs where input_key = $1", [String(rockSalts[3])]);
    expect(rows).toHaveLength(0);
  });
});

describe("retry failed", () => {
  it("sets one or all failed runs back to pending with their attempts reset, and the feeder claims them again", async () => {
    await saveStageSettings(t.db, pathwaysStage, { concurrency: 3 }, "test: three");
    const first = await claimOne();
    expect(first).toHaveLength(3);
    await t.pool.query("select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs))");
    await t.pool.query("update stage_runs set status = 'failed', attempts = 3, last_error = 'boom'");

    expect(await retryFailed(t.db, "pathways", first[1])).toEqual([first[1]]);
    const { rows } = await t.pool.query("select input_key, status, attempts from stage_runs order by input_key");
    expect(rows.filter((r) => r.status === "pending")).toEqual([{ input_key: first[1], status: "pending", attempts: 0 }]);
    expect((await retryFailed(t.db, "pathways")).sort()).toEqual([first[0], first[2]].sort());
    expect(await retryFailed(t.db, "pathways")).toEqual([]);
    // The retried runs come back in priority order (they are the highest-priority inputs).
    expect((await claimOne()).sort()).toEqual([...first].sort());
    await saveStageSettings(t.db, pathwaysStage, { concurrency: 1 }, "test: one");
  });
});
