import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importKeyOf } from "../../server/services/importers/import-request";
import { queueSourceImport } from "../../server/services/importers/source-imports";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { unlockDeadWorkers } from "../../workers/engine/recovery";
import { startFakeMaterialsProject } from "../fake-servers/materials-project";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitFor } from "./engine-fixtures";
import { queryRows, settlementProblems, startChildWorker, type ChildWorker } from "./fault-fixtures";
import { fluorideDocuments, startGateProxy, type GateProxy } from "./import-source-fixtures";

const API_KEY = "fault-kill-import-key";
let t: TestDatabase;
let mp: Awaited<ReturnType<typeof startFakeMaterialsProject>>;
let proxy: GateProxy;
let worker: ChildWorker | undefined;
let pipeline: Pipeline | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
  mp = await startFakeMaterialsProject({ documents: fluorideDocuments(), apiKey: API_KEY });
  // The page at skip 4 hangs the first time it is asked for: the import is in the middle of it when killed.
  proxy = await startGateProxy(mp.url, (u) => u.searchParams.get("_skip") === "4");
  // Read by the child worker (it inherits this environment) and by the worker of this process.
  process.env.MP_API_KEY = API_KEY;
  process.env.MP_API_BASE_URL = proxy.url;
});
afterAll(async () => {
  worker?.kill();
  await pipeline?.stop();
  await proxy?.close();
  await mp?.close();
  await t?.drop();
});

const rows = <T = Record<string, any>>(text: string, params: unknown[] = []) => queryRows<T>(t.pool, text, params);

/**
 * import-source is no stage run, so no stage's recovery takes it back: before, a worker SIGKILLed in
 * the middle of one left its job locked until graphile-worker's 4-hour stale-lock timeout. The runner
 * records the id graphile-worker locks its jobs with, and the recovery pass of a live feeder forces the
 * locks of a dead worker open.
 */
describe("a worker killed with SIGKILL in the middle of an import", () => {
  it("leaves the import to another worker, which finishes it within seconds and imports each structure once", async () => {
    const request = { source: "mp" as const, elements: ["F"], pageSize: 2 };
    const { key } = await queueSourceImport(request, t.pool);
    expect(key).toBe(importKeyOf(request));
    const progress = async () => (await rows("select * from import_progress where key = $1", [key]))[0];

    worker = startChildWorker(t.url, ["--only", "structures", "--concurrency", "2"]);
    await Promise.race([
      proxy.held,
      worker.exited.then(() => {
        throw new Error(`the child worker ended before the import reached page 3\nchild output:\n${worker!.output()}`);
      }),
    ]);
    expect(await progress()).toMatchObject({ status: "running", cursor: "4" });
    const [job] = await rows("select locked_by from graphile_worker.jobs where task_identifier = 'import-source'");
    const [child] = await rows("select id, graphile_lock_ids from workers where pid = $1", [worker.child.pid]);
    // The lock is the one the child put on record before taking any job.
    expect(child.graphile_lock_ids).toEqual([job.locked_by]);
    // A live worker keeps its locks: the child beats every 15 s, so it is not silent for 60 s.
    const unlockedWhileAlive = await t.db.transaction((tx) => unlockDeadWorkers(tx, { staleWorkerMs: 60_000, overrunGraceMs: 60_000 }));
    expect(unlockedWhileAlive).toEqual([]);

    worker.kill();
    expect(await worker.exited).toBe("SIGKILL");
    const killedAt = Date.now();
    expect((await rows("select locked_by from graphile_worker.jobs where task_identifier = 'import-source'"))[0].locked_by).toBe(job.locked_by);

    // A new worker with a feeder (the measures stage has no input here: it is there for the feeder's
    // recovery pass) takes a worker silent for 4 s for dead, as fault-kill-each-stage does.
    pipeline = await startPipeline({
      pgPool: t.pool,
      stages: ["structures", "measures"],
      concurrency: 2,
      tickMs: 200,
      heartbeatMs: 300,
      recovery: { staleWorkerMs: 4000 },
    });
    const finished = await waitFor("the import to finish", async () => {
      const p = await progress();
      return p.status === "done" || p.status === "failed" ? p : undefined;
    }, 60_000);
    const tookMs = Date.now() - killedAt;
    expect(finished).toMatchObject({ status: "done", error: null, cursor: null });
    expect(finished.counts).toMatchObject({ fetched: 7, queued: 7, total: 7 });
    // Seconds: the child's silence (4 s after its last heartbeat) and a poll of the new worker, not 4 hours.
    expect(tookMs).toBeLessThan(30_000);
    // Unlocked once: its ids are no longer on record.
    expect((await rows("select graphile_lock_ids from workers where id = $1", [child.id]))[0].graphile_lock_ids).toEqual([]);
    // The new worker resumed at the page the child was on: the pages before it were fetched once.
    expect(mp.requests.map((r) => r.query.get("_skip"))).toEqual(["0", "2", "4", "6"]);

    const runs = await waitFor("every structure imported", async () => {
      const r = await rows("select input_key, status from stage_runs where stage = 'structures'");
      return r.length === 7 && r.every((x) => x.status === "done") ? r : undefined;
    }, 30_000);
    expect(runs).toHaveLength(7);
    const imported = await rows("select source_id from structures order by source_id");
    expect(imported.map((s) => s.source_id)).toEqual(fluorideDocuments().map((d) => d.material_id).sort());
    expect(await settlementProblems(t.pool)).toEqual([]);
    console.log(`import finished ${tookMs} ms after its worker was killed`);
  }, 120_000);
});
