import { describe, expect, it } from "vitest";
import { caF2 } from "../../lib/structure/reference-crystals";
import { startPipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { insertStructures, waitFor } from "./engine-fixtures";
import { pipelineTestDatabase, queryRows, startChildWorker } from "./fault-fixtures";

const context = pipelineTestDatabase();

const rows = <T = Record<string, any>>(text: string, params: unknown[] = []) => queryRows<T>(context.t.pool, text, params);
const run = async (id: number) =>
  (await rows("select * from stage_runs where stage = 'pathways' and input_key = $1", [String(id)]))[0];

describe("recovery", () => {
  it("retries the input of a worker killed mid-job and finishes it exactly once", async () => {
    await saveStageSettings(context.t.db, pathwaysStage, { concurrency: 1, autoBroaden: null }, "test");
    const [fluorite] = await insertStructures(context.t.db, [caF2()]);
    const worker = startChildWorker(context.t.url, ["--only", "pathways", "--concurrency", "1"]);
    const started = await waitFor(
      "the child worker to start the job",
      async () => {
        const r = await run(fluorite);
        return r?.status === "running" ? r : undefined;
      },
      40_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nchild output:\n${worker.output()}`);
    });
    // The job is under way (its compute thread loading, then computing fluorite's hops): kill the process outright.
    worker.kill();
    expect(await worker.exited).toBe("SIGKILL");
    expect(await run(fluorite)).toMatchObject({ status: "running", attempts: 1, worker_id: started.worker_id });
    expect(await rows("select 1 from pathways")).toHaveLength(0);
    const [lockedJob] = await rows("select locked_by from graphile_worker.jobs");
    expect(lockedJob.locked_by).toBeTruthy();

    // A new worker (heartbeat every 0.3 s) takes a worker silent for 1.5 s for dead.
    context.pipeline = await startPipeline({
      pgPool: context.t.pool,
      stages: ["pathways"],
      concurrency: 1,
      tickMs: 200,
      heartbeatMs: 300,
      recovery: { staleWorkerMs: 1500 },
    });
    const done = await waitFor(
      "the retried run",
      async () => {
        const r = await run(fluorite);
        return r?.status === "done" ? r : undefined;
      },
      40_000,
    );
    expect(done).toMatchObject({ attempts: 2, worker_id: context.pipeline.workerId, last_error: null });
    const written = await rows("select id, index from pathways where structure_id = $1 order by index", [fluorite]);
    expect(written.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(done.result).toEqual({ ids: written.map((p) => p.id) });
    expect(await rows("select 1 from stage_runs where status in ('running', 'queued')")).toHaveLength(0);
    expect(await rows("select 1 from graphile_worker.jobs")).toHaveLength(0);
  });

  it("stops a computation past the stage's time limit and fails the run without retrying", async () => {
    // Every hop up to 8 Å with 9 images in a 12 Å supercell: about 8 s of computing for fluorite.
    await saveStageSettings(
      context.t.db,
      pathwaysStage,
      { timeLimitSeconds: 1, params: { maxLength: 8, keep: 0, nImages: 9, minSupercellLength: 12 } },
      "test: 1 s limit for a long computation",
    );
    const [slow] = await insertStructures(context.t.db, [caF2(5.5)]);
    const failed = await waitFor("the run to fail", async () => {
      const r = await run(slow);
      return r?.status === "failed" ? r : undefined;
    }).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await run(slow))} ${JSON.stringify(await rows("select * from graphile_worker.jobs"))}`);
    });
    expect(failed).toMatchObject({ attempts: 1, last_error: "time limit of 1 s exceeded" });
    expect(await rows("select 1 from pathways where structure_id = $1", [slow])).toHaveLength(0);
    expect(await rows("select 1 from graphile_worker.jobs")).toHaveLength(0);
  });
});
