import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, k2NiF4, kMgF3, liF } from "../../lib/structure/reference-crystals";
import { claimInputs } from "../../workers/engine/claim";
import { DEFAULT_RECOVERY, startFeeder, type Feeder } from "../../workers/engine/feeder";
import { feedStage } from "../../workers/engine/feed-stage";
import { recordOutcome, startClaimedRun } from "../../workers/engine/run-state";
import { readStageSettings, saveStageSettings, stageSettingsHistory } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { insertStructures, liCl, waitFor } from "./engine-fixtures";

let t: TestDatabase;
const feeders: Feeder[] = [];
let chloride: number;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const f of feeders) await f.stop();
  await t?.drop();
});

const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.pool.query(text, params)).rows as T[];
/** Queued runs of the pathways stage with the nsites of their structure, and the job count. */
const queued = () =>
  rows<{ input_key: string; nsites: number }>(
    `select r.input_key, s.nsites from stage_runs r join structures s on s.id::text = r.input_key
      where r.stage = 'pathways' and r.status = 'queued' order by s.nsites, s.id`,
  );
const jobKeys = async () =>
  (await rows<{ key: string }>("select key from graphile_worker.jobs where task_identifier = 'stage:pathways'")).map((r) => r.key);
const resetRuns = async () => {
  await t.pool.query("select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs))");
  await t.pool.query("delete from stage_runs");
};

describe("claiming", () => {
  it("two feeders racing for the same inputs never claim one twice", async () => {
    // 40 fluorides (fluorite and rock salt over a range of cell sizes) and a chloride.
    [chloride] = await insertStructures(t.db, [liCl()]);
    await insertStructures(t.db, [
      ...Array.from({ length: 20 }, (_, i) => caF2(5.2 + 0.02 * i)),
      ...Array.from({ length: 20 }, (_, i) => liF(3.9 + 0.02 * i)),
    ]);
    await saveStageSettings(t.db, pathwaysStage, { concurrency: 100, autoBroaden: null }, "test: claim everything");
    const settings = await readStageSettings(t.db, pathwaysStage);
    // Both transactions pick the same 30 highest-priority inputs from their snapshots; neither holds the feeder lock.
    const [a, b] = await Promise.all(
      [0, 1].map(() => t.db.transaction((tx) => claimInputs(tx, pathwaysStage, settings, 30))),
    );
    const overlap = a.filter((k) => b.includes(k));
    expect(overlap).toEqual([]);
    const claimed = [...a, ...b].sort();
    expect(claimed.length).toBeGreaterThanOrEqual(30);
    expect((await jobKeys()).sort()).toEqual(claimed.map((k) => `pathways:${k}`).sort());
    expect((await queued()).map((r) => r.input_key).sort()).toEqual(claimed);
  });

  it("two feeders ticking together fill the stage's concurrency exactly once", async () => {
    await resetRuns();
    await saveStageSettings(t.db, pathwaysStage, { concurrency: 7 }, "test");
    for (let round = 0; round < 5; round++) {
      const reports = await Promise.all([0, 1].map(() => feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)));
      const claimed = reports.flatMap((r) => r.claimed);
      expect(new Set(claimed).size).toBe(claimed.length);
    }
    const runs = await queued();
    expect(runs).toHaveLength(7);
    expect(await jobKeys()).toHaveLength(7);
    // Priority: fewest sites first (rock salt, 2 sites in its primitive cell, before fluorite, 3); the chloride never.
    expect(runs.every((r) => r.nsites === 2)).toBe(true);
    expect(runs.map((r) => r.input_key)).not.toContain(String(chloride));
  });
});

describe("settings applied live by a running feeder", () => {
  it("follows concurrency, pause and criteria changes without a restart", async () => {
    await resetRuns();
    await saveStageSettings(t.db, pathwaysStage, { concurrency: 2 }, "test: two at a time");
    feeders.push(await startFeeder({ pool: t.pool, stages: [pathwaysStage], tickMs: 200 }));
    await waitFor("2 queued runs", async () => ((await queued()).length === 2 ? true : undefined));

    await saveStageSettings(t.db, pathwaysStage, { concurrency: 5 }, "test: five");
    await waitFor("5 queued runs", async () => ((await queued()).length === 5 ? true : undefined));
    expect(await jobKeys()).toHaveLength(5);

    await saveStageSettings(t.db, pathwaysStage, { paused: true }, "test: pause");
    // Pausing takes back the queued jobs no worker has started.
    await waitFor("queue emptied", async () => ((await queued()).length === 0 && (await jobKeys()).length === 0 ? true : undefined));
    const pending = await rows("select 1 from stage_runs where stage = 'pathways' and status = 'pending'");
    expect(pending).toHaveLength(5);

    // Only structures of 3 sites or more now: the pending rock salts are not eligible any more.
    const [kmgf3, k2nif4] = await insertStructures(t.db, [kMgF3(), k2NiF4()]);
    await saveStageSettings(
      t.db,
      pathwaysStage,
      { paused: false, concurrency: 3, criteria: [...pathwaysStage.defaults.criteria, { column: "nsites", op: "gte", value: 3 }] },
      "test: large ones only",
    );
    const runs = await waitFor("3 queued runs", async () => {
      const q = await queued();
      return q.length === 3 ? q : undefined;
    });
    // Without the new criterion the 2-site rock salts would come first; KMgF3 (5 sites) and K2NiF4 (7)
    // come after the 3-site fluorites by priority.
    expect(runs.map((r) => r.nsites)).toEqual([3, 3, 3]);
    expect(runs.map((r) => r.input_key)).not.toContain(String(kmgf3));
    expect(runs.map((r) => r.input_key)).not.toContain(String(k2nif4));
    await feeders.pop()!.stop();
  });

  it("refuses criteria outside the whitelist or of the wrong type, and keeps every saved version", async () => {
    const before = await stageSettingsHistory(t.db, "pathways");
    await expect(
      saveStageSettings(t.db, pathwaysStage, { criteria: [{ column: "structure", op: "eq", value: 1 }] }),
    ).rejects.toThrow(/unknown criteria column structure/);
    await expect(
      saveStageSettings(t.db, pathwaysStage, { criteria: [{ column: "nsites; drop table structures", op: "eq", value: 1 }] }),
    ).rejects.toThrow(/unknown criteria column/);
    await expect(
      saveStageSettings(t.db, pathwaysStage, { criteria: [{ column: "nsites", op: "gt", value: "1 or 1=1" }] }),
    ).rejects.toThrow();
    await expect(saveStageSettings(t.db, pathwaysStage, { params: { maxLength: -1 } })).rejects.toThrow();
    const after = await stageSettingsHistory(t.db, "pathways");
    expect(after).toHaveLength(before.length);
    expect(after.map((v) => v.version)).toEqual(after.map((_, i) => after.length - i));
    expect(after.at(-1)).toMatchObject({ version: 1, note: "defaults", concurrency: 2, params: { ion: "F", maxLength: 5, keep: 5 } });
    expect(after[0].note).toBe("test: large ones only");
  });

  it("completes saved params with the defaults of parameters the stage's code added later", async () => {
    // As if nImages had been added to the stage after these settings were saved.
    await t.pool.query("update stage_settings set params = params - 'nImages' where stage = 'pathways'");
    const settings = await readStageSettings(t.db, pathwaysStage);
    expect(settings.params).toMatchObject({ nImages: 5, ion: "F" });
  });

  it("takes back runs whose job vanished or that overran, and refuses the late outcome of the overrun attempt", async () => {
    await resetRuns();
    const [id] = await insertStructures(t.db, [caF2(6)]);
    const key = String(id);
    await saveStageSettings(t.db, pathwaysStage, { criteria: [{ column: "id", op: "eq", value: id }], concurrency: 1 }, "test");
    expect((await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).claimed).toEqual([key]);

    // The job disappears (e.g. deleted by hand): the run is pending again and claimed anew with a new job.
    await t.pool.query("select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs))");
    const afterVanish = await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY);
    expect(afterVanish.recovered.requeued).toEqual([key]);
    expect(afterVanish.claimed).toEqual([key]);
    expect(await jobKeys()).toEqual([`pathways:${key}`]);

    // A live worker (fresh heartbeat) starts it, then runs far past the 900 s time limit.
    await t.pool.query("insert into workers (id, host, pid, stages) values ('slow-worker', 'test', 1, '{stage:pathways}')");
    const fence = await startClaimedRun(t.db, "pathways", key, "slow-worker");
    expect(fence).toEqual({ stage: "pathways", inputKey: key, workerId: "slow-worker", attempt: 1 });
    await t.pool.query("update stage_runs set started_at = now() - interval '2 hours' where input_key = $1", [key]);
    const afterOverrun = await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY);
    expect(afterOverrun.recovered.requeued).toEqual([key]);
    expect(afterOverrun.claimed).toEqual([key]);
    const [runRow] = await rows("select status, attempts, last_error from stage_runs where input_key = $1", [key]);
    expect(runRow).toEqual({ status: "queued", attempts: 1, last_error: "attempt 1 lost: it ran past the time limit" });

    // The slow worker finally finishes: its outcome no longer counts.
    expect(await recordOutcome(t.db, fence!, { status: "done", result: { ids: [] }, note: "late" })).toBe(false);
    expect((await rows("select status, note from stage_runs where input_key = $1", [key]))[0]).toMatchObject({ status: "queued" });
  });

  it("takes a run from a worker whose heartbeat is stale, but never from the feeder's own process", async () => {
    await resetRuns();
    const [id] = await insertStructures(t.db, [caF2(6.1)]);
    const key = String(id);
    await saveStageSettings(t.db, pathwaysStage, { criteria: [{ column: "id", op: "eq", value: id }], concurrency: 1 }, "test");
    expect((await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY)).claimed).toEqual([key]);
    await t.pool.query("insert into workers (id, host, pid, stages, last_heartbeat) values ('late-beat', 'test', 2, '{stage:pathways}', now() - interval '2 minutes')");
    await startClaimedRun(t.db, "pathways", key, "late-beat");

    // Seen from its own feeder, the process is alive however late its heartbeat: the run stays.
    const own = await feedStage(t.db, pathwaysStage, { ...DEFAULT_RECOVERY, liveWorkerId: "late-beat" });
    expect(own.recovered.requeued).toEqual([]);
    expect((await rows("select status from stage_runs where input_key = $1", [key]))[0]).toEqual({ status: "running" });

    // Any other feeder takes it for dead and claims the input again.
    const other = await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY);
    expect(other.recovered.requeued).toEqual([key]);
    const [runRow] = await rows("select status, last_error from stage_runs where input_key = $1", [key]);
    expect(runRow).toEqual({ status: "queued", last_error: "attempt 1 lost: its worker stopped responding" });
  });
});
