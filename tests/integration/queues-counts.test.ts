import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { createCaller } from "../../server/api/root";
import { ENGINE_STAGE_NAMES } from "../../server/services/stage-catalogue";
import { DEFAULT_RECOVERY } from "../../workers/engine/feeder";
import { feedStage } from "../../workers/engine/feed-stage";
import { saveStageSettings } from "../../workers/engine/settings";
import { STAGES } from "../../workers/stages/index";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures, liCl } from "./engine-fixtures";

let t: TestDatabase;
let api: ReturnType<typeof createCaller>;
let fluorides: number[];
let chloride: number;

beforeAll(async () => {
  t = await createTestDatabase();
  api = createCaller({ db: t.db, headers: new Headers() });
  // 3 rock salts (2 sites), 2 fluorites (3 sites), KMgF3 (5 sites) and a chloride.
  fluorides = await insertStructures(t.db, [liF(3.9), liF(4.0), liF(4.1), caF2(5.3), caF2(5.4), kMgF3()]);
  [chloride] = await insertStructures(t.db, [liCl()]);
  await saveStageSettings(t.db, pathwaysStage, { concurrency: 2, autoBroaden: null }, "test");
});
afterAll(async () => {
  await t?.drop();
});

// Fresh counts: the test changes runs directly, which the served snapshot would show only seconds later.
const queue = async (stage: string) => (await api.stages.queues({ fresh: true })).find((q) => q.stage === stage)!;

describe("queues page numbers", () => {
  it("lists the engine's stages, after the import stage", async () => {
    expect(ENGINE_STAGE_NAMES, "a stage added to workers/stages/index.ts must be added to server/services/stage-catalogue.ts").toEqual(
      STAGES.map((s) => s.name),
    );
    expect((await api.stages.queues()).map((q) => q.stage)).toEqual(["structures", ...STAGES.map((s) => s.name)]);
  });

  it("counts eligible and excluded inputs with the stage's criteria, and runs by status", async () => {
    // Default criteria: contains the ion (F). The chloride is excluded; nothing has run yet.
    expect(await queue("pathways")).toMatchObject({ eligible: 6, excluded: 1, concurrency: 2, paused: false });
    await saveStageSettings(t.db, pathwaysStage, { criteria: [...pathwaysStage.defaults.criteria, { column: "nsites", op: "lte", value: 3 }] }, "test");
    expect(await queue("pathways")).toMatchObject({ eligible: 5, excluded: 2 });

    // Two claimed (queued): no longer eligible; one of them finishes, one fails.
    const { claimed } = await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY);
    expect(claimed).toHaveLength(2);
    expect(await queue("pathways")).toMatchObject({ eligible: 3, excluded: 2, runs: { queued: 2, running: 0 } });
    await t.pool.query("update stage_runs set status = 'done', finished_at = now() where input_key = $1", [claimed[0]]);
    await t.pool.query("update stage_runs set status = 'failed', finished_at = now() - interval '90 minutes', last_error = 'no oxidation states' where input_key = $1", [claimed[1]]);
    expect((await queue("pathways")).runs).toMatchObject({ queued: 0, done: 1, failed: 1 });

    // The import stage: only its runs.
    await t.pool.query("insert into stage_runs (stage, input_key, status, last_error, finished_at) values ('structures', 'abc', 'failed', 'no atoms', now())");
    expect(await queue("structures")).toMatchObject({ engine: false, eligible: null, runs: { failed: 1 } });
  });

  it("buckets finished runs by time over the last hour and day", async () => {
    const hour = await api.stages.throughput({ stage: "pathways", window: "hour" });
    expect(hour).toHaveLength(12);
    // The done run finished now: in the last 5-minute bucket; the failure 90 minutes ago is outside the hour.
    expect(hour.at(-1)).toMatchObject({ done: 1, failed: 0 });
    expect(hour.reduce((n, b) => n + b.failed, 0)).toBe(0);
    expect(hour[1].start.getTime() - hour[0].start.getTime()).toBe(5 * 60_000);
    const day = await api.stages.throughput({ stage: "pathways", window: "day" });
    expect(day).toHaveLength(24);
    expect(day.reduce((n, b) => n + b.done, 0)).toBe(1);
    expect(day.reduce((n, b) => n + b.failed, 0)).toBe(1);
  });

  it("lists failures with their error and a label, and retries them", async () => {
    const failures = await api.stages.failures({ stage: "pathways" });
    expect(failures.total).toBe(1);
    const [f] = failures.rows;
    expect(f).toMatchObject({ error: "no oxidation states", href: `/structures/${f.inputKey}` });
    expect(f.label).toMatch(/^(LiF|CaF2|Li4F4|Ca4F8)/);
    expect((await api.stages.failures({ stage: "structures" })).rows[0]).toMatchObject({ inputKey: "abc", error: "no atoms", href: null });

    expect(await api.stages.retryFailed({ stage: "pathways" })).toEqual([f.inputKey]);
    expect((await api.stages.failures({ stage: "pathways" })).total).toBe(0);
    expect((await queue("pathways")).runs).toMatchObject({ failed: 0, pending: 1 });
  });

  it("shows what runs next in claim order and moves an input to the front", async () => {
    const before = await api.stages.nextUp({ stage: "pathways" });
    expect(before).toHaveLength((await queue("pathways")).eligible!);
    expect(before.map((n) => n.inputKey)).not.toContain(String(chloride));
    const last = before.at(-1)!;
    await api.stages.moveToFront({ stage: "pathways", inputKey: last.inputKey });
    const after = await api.stages.nextUp({ stage: "pathways" });
    expect(after[0]).toMatchObject({ inputKey: last.inputKey, movedToFront: true });
    // The chloride does not pass the criteria; a move does not make it eligible (it is not claimed).
    await api.stages.moveToFront({ stage: "pathways", inputKey: String(chloride) });
    expect((await api.stages.nextUp({ stage: "pathways" })).map((n) => n.inputKey)).not.toContain(String(chloride));
    await expect(api.stages.moveToFront({ stage: "pathways", inputKey: "999999" })).rejects.toThrow(/not waiting for its run/);
  });

  it("changes concurrency and pauses through settings versions the feeder follows", async () => {
    expect(await api.stages.setConcurrency({ stage: "pathways", concurrency: 3 })).toBe(3);
    expect((await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).claimed).toHaveLength(3);
    expect(await api.stages.setPaused({ stage: "pathways", paused: true })).toBe(true);
    expect((await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).withdrawn).toHaveLength(3);
    expect(await queue("pathways")).toMatchObject({ paused: true, concurrency: 3, runs: { queued: 0 } });
    const notes = (await api.settings.history({ stage: "pathways" })).slice(0, 2).map((v) => v.note);
    expect(notes).toEqual(["paused (queues page)", "concurrency 2 → 3 (queues page)"]);
    await expect(api.stages.setConcurrency({ stage: "pathways", concurrency: -1 })).rejects.toThrow(/cannot be negative/);
    await expect(api.stages.setPaused({ stage: "structures", paused: true })).rejects.toThrow();
  });

  it("lists the live workers that take the stage's task and those holding its running runs", async () => {
    await t.pool.query(`insert into workers (id, host, pid, stages, last_heartbeat) values
      ('w-live', 'h1', 11, '{stage:pathways,import-structure}', now()),
      ('w-other', 'h1', 12, '{stage:barriers}', now()),
      ('w-gone', 'h2', 13, '{stage:pathways}', now() - interval '2 hours'),
      ('w-stale', 'h2', 14, '{stage:pathways}', now() - interval '5 minutes')`);
    await t.pool.query("update stage_runs set status = 'running', worker_id = 'w-gone' where stage = 'pathways' and status = 'done'");
    const workers = await api.stages.workers({ stage: "pathways" });
    expect(workers.map((w) => [w.id, w.stale, w.running])).toEqual([
      ["w-gone", true, 1],
      ["w-live", false, 0],
      ["w-stale", true, 0],
    ]);
    expect((await api.stages.workers({ stage: "structures" })).map((w) => w.id)).toEqual(["w-live"]);
  });
});
