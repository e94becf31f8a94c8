import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireComputePool, releaseComputePool } from "../../workers/engine/compute-pool";
import { claimInputs } from "../../workers/engine/claim";
import { readStageSettings } from "../../workers/engine/settings";
import { stageTask } from "../../workers/engine/stage-task";
import { registerWorker, type WorkerRegistration } from "../../workers/worker-registration";
import { MODULE_STAGE_TABLES_SQL, moduleStageHooks, squareStage } from "../fixtures/module-stage";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { fakeJobHelpers } from "./fake-job-helpers";

let t: TestDatabase;
let worker: WorkerRegistration;

beforeAll(async () => {
  t = await createTestDatabase();
  helpers = fakeJobHelpers(t.pool, warnings);
  await t.pool.query(MODULE_STAGE_TABLES_SQL);
  worker = await registerWorker(t.db, ["stage:module-square"]);
  acquireComputePool();
});
afterAll(async () => {
  await worker?.unregister();
  await releaseComputePool();
  await t?.drop();
});

const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.pool.query(text, params)).rows as T[];
const warnings: string[] = [];
/** Set in beforeAll, once the test database exists. */
let helpers: ReturnType<typeof fakeJobHelpers>;

/** Claims input `n` (run queued, job added) and runs its job as this worker. */
async function claimAndRun(n: number) {
  await t.pool.query("insert into module_stage_numbers (n) values ($1)", [n]);
  const settings = await readStageSettings(t.db, squareStage);
  await t.db.transaction((tx) => claimInputs(tx, squareStage, settings, 1));
  await stageTask(squareStage, { workerId: worker.id })({ inputKey: String(n) }, helpers(`job-${n}`));
}

describe("the result write", () => {
  it("writes the rows and finishes the run in one transaction", async () => {
    await claimAndRun(3);
    expect(await rows("select n, square from module_stage_squares")).toEqual([{ n: 3, square: 9 }]);
    expect(await rows("select status, result from stage_runs where input_key = '3'")).toEqual([{ status: "done", result: { ids: [3] } }]);
  });

  it("rolls the rows back when the attempt lost the run while writing them", async () => {
    // Recovery hands the run back to the queue between the rows and the outcome (e.g. the attempt overran).
    moduleStageHooks.afterWrite = async () => {
      await t.pool.query("update stage_runs set status = 'pending', worker_id = null where input_key = '4'");
    };
    try {
      await claimAndRun(4);
    } finally {
      moduleStageHooks.afterWrite = undefined;
    }
    expect(await rows("select n from module_stage_squares where n = 4")).toEqual([]);
    expect(await rows("select status, result from stage_runs where input_key = '4'")).toEqual([{ status: "pending", result: null }]);
    expect(warnings.some((w) => /module-square:4 attempt 1 was taken over/.test(w))).toBe(true);
  });
});
