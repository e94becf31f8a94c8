import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, liF } from "../../lib/structure/reference-crystals";
import { createCaller } from "../../server/api/root";
import { stageQueues } from "../../server/services/stage-queue-snapshot";
import { saveStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures, liCl, sleep } from "./engine-fixtures";

let t: TestDatabase;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  t = await createTestDatabase();
  api = createCaller({ db: t.db, headers: new Headers() });
  await insertStructures(t.db, [liF(4.0), caF2(5.4), liCl()]);
});
afterAll(async () => {
  await t?.drop();
});

const pathways = (queues: Awaited<ReturnType<typeof stageQueues>>) => queues.find((q) => q.stage === "pathways")!;

describe("the queues page's counts snapshot", () => {
  it("counts once for requests that arrive together, then serves that count with its time", async () => {
    const first = await Promise.all([api.stages.queues(), api.stages.queues(), api.stages.queues()]);
    const [countedAt] = first.map((q) => q[0].countedAt);
    expect(countedAt).toBeInstanceOf(Date);
    expect(first.every((q) => q.every((s) => s.countedAt.getTime() === countedAt.getTime()))).toBe(true);
    expect(pathways(first[0])).toMatchObject({ eligible: 2, excluded: 1 });

    // A run written behind the server's back: served from the snapshot until it is recounted.
    const [{ id }] = (await t.pool.query<{ id: number }>("select id from structures where 'F' = any(elements) order by id limit 1")).rows;
    await t.pool.query("insert into stage_runs (stage, input_key, status) values ('pathways', $1, 'queued')", [String(id)]);
    const served = await api.stages.queues();
    expect(served[0].countedAt).toEqual(countedAt);
    expect(pathways(served)).toMatchObject({ eligible: 2, runs: { queued: 0 } });
    expect(pathways(await api.stages.queues({ fresh: true }))).toMatchObject({ eligible: 1, runs: { queued: 1 } });
  });

  it("waits for a new count after a stage's settings change, whoever saved them", async () => {
    await saveStageSettings(t.db, pathwaysStage, { criteria: [] }, "test: every structure");
    expect(pathways(await api.stages.queues())).toMatchObject({ eligible: 2, excluded: 0, settingsVersion: 2 });
    await api.stages.setPaused({ stage: "pathways", paused: true });
    expect(pathways(await api.stages.queues())).toMatchObject({ paused: true, settingsVersion: 3 });
  });

  it("waits for a new count after runs change through the server (retry, move to the front)", async () => {
    await t.pool.query("update stage_runs set status = 'failed', last_error = 'test' where stage = 'pathways'");
    await api.stages.queues({ fresh: true });
    expect(pathways(await api.stages.queues())).toMatchObject({ runs: { failed: 1, pending: 0 } });
    await api.stages.retryFailed({ stage: "pathways" });
    expect(pathways(await api.stages.queues())).toMatchObject({ runs: { failed: 0, pending: 1 }, eligible: 3 });
  });

  it("counts again in the background once the snapshot is a few seconds old", async () => {
    const before = (await api.stages.queues())[0].countedAt;
    await t.pool.query("insert into stage_runs (stage, input_key, status, finished_at) values ('structures', 'x', 'done', now())");
    await sleep(3_100);
    // This request is served the old count and starts a new one; a later request gets the new one.
    expect((await api.stages.queues())[0].countedAt).toEqual(before);
    let latest = await api.stages.queues();
    for (let i = 0; i < 50 && latest[0].countedAt.getTime() === before.getTime(); i++) {
      await sleep(100);
      latest = await api.stages.queues();
    }
    expect(latest[0].countedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(latest.find((q) => q.stage === "structures")!.runs.done).toBe(1);
  });
});
