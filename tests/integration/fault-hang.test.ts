import { describe, expect, it } from "vitest";
import { caF2, kMgF3, liF } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";
import { makeSupercell } from "../../lib/structure/supercell";
import { startPipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { percolationStage } from "../../workers/stages/percolation";
import { insertStructures, waitFor } from "./engine-fixtures";
import { pipelineTestDatabase, queryRows, settlementProblems } from "./fault-fixtures";

/** LiF 5×5×5 with one Li made Na: 1000 sites even in its primitive cell, about a minute of percolation at 0.1 Å. */
const dopedLiF = (): Structure => {
  const s = makeSupercell(liF(), 5);
  const li = s.sites.findIndex((x) => x.species === "Li");
  return { ...s, sites: s.sites.map((x, i) => (i === li ? { ...x, species: "Na" } : x)) };
};

const context = pipelineTestDatabase();

const runOf = async (id: number) =>
  (await queryRows(context.t.pool, "select * from stage_runs where stage = 'percolation' and input_key = $1", [String(id)]))[0];
const finished = (id: number) => async () => {
  const r = await runOf(id);
  return r?.status === "done" || r?.status === "failed" ? r : undefined;
};

/**
 * A computation that does not return, for one input among several. The compute threads run only the
 * registered stages, so the hang is a real input of a real stage whose computation lasts about fifteen
 * times the time limit: to the engine that is the same as an endless loop, which only terminating its
 * thread stops. (A computation that throws for one input among several: measures-barriers-pipeline's
 * MgF percolation run.)
 */
describe("a computation that hangs past its time limit", () => {
  it("is stopped and its run failed with the reason, while the other inputs finish, and later inputs still run", async () => {
    // The largest structure first, so the hanging run holds one of the two slots while the others pass through the second.
    await saveStageSettings(
      context.t.db,
      percolationStage,
      { concurrency: 2, timeLimitSeconds: 4, params: { gridSpacingA: 0.1 }, priority: [{ column: "nsites", dir: "desc" }] },
      "test: 4 s limit, largest first",
    );
    // By priority: the hanging one, KMgF3 (5 sites), then LiF (2).
    const [hung, ...others] = await insertStructures(context.t.db, [dopedLiF(), kMgF3(), liF(4.1)]);
    context.pipeline = await startPipeline({ pgPool: context.t.pool, stages: ["percolation"], concurrency: 2, tickMs: 200, heartbeatMs: 300 });

    const failed = await waitFor("the hanging run to be stopped", finished(hung), 40_000);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, last_error: "time limit of 4 s exceeded" });
    const done = [];
    for (const id of others) done.push(await waitFor(`the run of ${id}`, finished(id), 20_000));
    for (const r of done) expect(r).toMatchObject({ status: "done", attempts: 1, last_error: null });
    // The next largest was claimed with the hanging one and worked on beside it. (When it finished
    // depends on how long its compute thread took to start on a loaded machine: not checked.)
    expect(new Date(done[0].started_at).getTime()).toBeLessThan(new Date(failed.finished_at).getTime());
    expect(await queryRows(context.t.pool, "select 1 from percolation where structure_id = $1", [hung])).toHaveLength(0);

    // The stopped thread is gone; the pipeline carries on with input written afterwards.
    const [later] = await insertStructures(context.t.db, [caF2()]);
    expect(await waitFor("the later input's run", finished(later), 20_000)).toMatchObject({ status: "done", attempts: 1 });
    expect(await settlementProblems(context.t.pool)).toEqual([]);
  });
});
