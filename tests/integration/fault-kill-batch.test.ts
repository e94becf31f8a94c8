import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, k2NiF4, kMgF3, laF3Cubic, liF, na3AlF6Cubic } from "../../lib/structure/reference-crystals";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { measuresStage } from "../../workers/stages/measures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { storeAnalysed } from "./dft-fixtures";
import { waitFor } from "./engine-fixtures";
import { queryRows, settlementProblems, startChildWorker, type ChildWorker } from "./fault-fixtures";

let t: TestDatabase;
let worker: ChildWorker | undefined;
let pipeline: Pipeline | undefined;
let pathwayIds: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [i, structure] of [liF(), caF2(), kMgF3(), k2NiF4(), na3AlF6Cubic(), laF3Cubic()].entries()) {
    pathwayIds.push(...(await storeAnalysed(t.db, structure, `batch-${i}`)));
  }
  pathwayIds = pathwayIds.sort((a, b) => a - b);
});
afterAll(async () => {
  worker?.kill();
  await pipeline?.stop();
  await t?.drop();
});

/**
 * The measures stage computes up to 16 inputs a job. A worker with one job slot and every pathway
 * queued starts a batch: its own run and waiting siblings, all `running`, the siblings without a job.
 * It is SIGKILLed before any result is written (the job's first compute thread takes a second or more
 * to load), and a new worker must finish every input once.
 */
describe("a worker killed with SIGKILL in the middle of a batch", () => {
  it("leaves no sibling behind: every input is computed once more and written once", async () => {
    expect(pathwayIds.length).toBeGreaterThanOrEqual(8);
    await saveStageSettings(t.db, measuresStage, { concurrency: pathwayIds.length }, "test: every pathway in flight");
    worker = startChildWorker(t.url, ["--only", "measures", "--concurrency", "1"]);
    const batch = await waitFor(
      "the child worker to start a batch",
      async () => {
        const running = await queryRows(t.pool, "select input_key, worker_id from stage_runs where stage = 'measures' and status = 'running'");
        return running.length > 1 ? running : undefined;
      },
      40_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nchild output:\n${worker!.output()}`);
    });
    worker.kill();
    expect(await worker.exited).toBe("SIGKILL");
    expect(await queryRows(t.pool, "select 1 from measures")).toHaveLength(0);
    // One job locked by the dead worker; its siblings have none.
    const jobsOfBatch = await queryRows(t.pool, "select key from graphile_worker.jobs where key = any($1::text[])", [batch.map((r) => `measures:${r.input_key}`)]);
    expect(jobsOfBatch).toHaveLength(1);

    pipeline = await startPipeline({ pgPool: t.pool, stages: ["measures"], concurrency: 2, tickMs: 200, heartbeatMs: 300, recovery: { staleWorkerMs: 4000 } });
    await waitFor(
      "every pathway measured",
      async () => {
        const [{ n }] = await queryRows(t.pool, "select count(*)::int as n from stage_runs where stage = 'measures' and status in ('done', 'failed')");
        return n === pathwayIds.length ? n : undefined;
      },
      60_000,
    );
    const runs = await queryRows(t.pool, "select input_key, status, attempts, last_error from stage_runs where stage = 'measures' order by input_key::int");
    expect(runs.map((r) => r.status)).toEqual(pathwayIds.map(() => "done"));
    // The batch's inputs were started twice (killed, then retried), the others once.
    const killed = new Set(batch.map((r) => r.input_key));
    for (const r of runs) expect(r.attempts).toBe(killed.has(r.input_key) ? 2 : 1);
    const measured = await queryRows(t.pool, "select pathway_id from measures order by pathway_id");
    expect(measured.map((m) => m.pathway_id)).toEqual(pathwayIds);
    expect(await settlementProblems(t.pool)).toEqual([]);
  });
});
