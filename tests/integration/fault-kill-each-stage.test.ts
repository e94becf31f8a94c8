import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liF } from "../../lib/structure/reference-crystals";
import { pathwayBand } from "../../db/pathway-bands";
import { pathwayFolderName } from "../../lib/vasp/pathway-export";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { stageNamed } from "../../workers/stages/index";
import { measuresStage } from "../../workers/stages/measures";
import { isRunning } from "../helpers/processes";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { storeAnalysed } from "./dft-fixtures";
import { waitFor } from "./engine-fixtures";
import { queryRows, settlementProblems, startChildWorker, type ChildWorker } from "./fault-fixtures";

const FAKE_VASP = fileURLToPath(new URL("../fixtures/fake-vasp.mjs", import.meta.url));
const workDir = mkdtempSync(path.join(tmpdir(), "hopscape-fault-kill-"));
let t: TestDatabase;
let worker: ChildWorker | undefined;
let pipeline: Pipeline | undefined;
/** Rock salt LiF and its two shortest pathways, stored as the pathways stage writes them. */
let structureId: number;
let first: number;
let second: number;

beforeAll(async () => {
  t = await createTestDatabase();
  [first, second] = await storeAnalysed(t.db, liF(), "LiF");
  structureId = (await queryRows(t.pool, "select structure_id from pathways where id = $1", [first]))[0].structure_id;
  // The second pathway measured already, so that it is the barriers stage's input while the first is the measures stage's.
  const input = (await measuresStage.load!(t.db, String(second)))!;
  await t.db.transaction((tx) => measuresStage.write(tx, input, measuresStage.run(input, {}), {}));
});
afterAll(async () => {
  worker?.kill();
  await pipeline?.stop();
  await t?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

const calculationMarker = async () => path.join(workDir, pathwayFolderName((await pathwayBand(t.db, second))!), "neb", "started");

const runOf = async (stage: string, key: number) =>
  (await queryRows(t.pool, "select * from stage_runs where stage = $1 and input_key = $2", [stage, String(key)]))[0];

interface Case {
  stage: string;
  /** The output table and its column naming the input. */
  output: string;
  outputKey: string;
  input: () => number;
  params: Record<string, unknown>;
  /** Resolves once the job is under way, when `running` alone does not say so. */
  midJob?: () => Promise<void>;
  /**
   * Kill the worker's process alone, not its process group, then wait for this: what the job started
   * must end without the test's help.
   */
  killProcessOnly?: () => Promise<void>;
}

const cases: Record<string, Case> = {
  measures: { stage: "measures", output: "measures", outputKey: "pathway_id", input: () => first, params: {} },
  barriers: { stage: "barriers", output: "barriers", outputKey: "pathway_id", input: () => second, params: { nebImages: 30 } },
  percolation: { stage: "percolation", output: "percolation", outputKey: "structure_id", input: () => structureId, params: { gridSpacingA: 0.1 } },
  // The dft job waits on an external calculation (VASP on a cluster; here the fake calculator), so
  // mid-job means while that command runs: it marks its start (its pid) in the NEB folder, then takes
  // 30 s the first time and none on the retry. Only the worker's process is killed, as the OOM killer
  // would: the calculation must end with it, well before its 30 s. Its input is the pathway whose
  // barrier the barriers case computes.
  dft: {
    stage: "dft",
    output: "dft",
    outputKey: "pathway_id",
    input: () => second,
    params: {
      command: `echo $$ > started; if [ -e "${workDir}/first" ]; then s=0; else touch "${workDir}/first"; s=30; fi; exec "${process.execPath}" "${FAKE_VASP}" --sleep $s`,
      workDir,
      commandTimeLimitSeconds: 60,
    },
    midJob: async () => {
      await waitFor("the calculation to start", async () => (existsSync(await calculationMarker()) && readFileSync(await calculationMarker(), "utf8").trim() ? true : undefined), 40_000);
    },
    killProcessOnly: async () => {
      const pid = Number(readFileSync(await calculationMarker(), "utf8").trim());
      await waitFor(`the calculation (pid ${pid}) to end with its worker`, async () => (isRunning(pid) ? undefined : true), 10_000);
    },
  },
};

/**
 * Each round starts `hopscape worker --only <its stages>` with one input per stage, SIGKILLs the
 * process (and the commands it started) while every one of those jobs is under way, and lets a new
 * worker in this process finish them. The compute stages share a round (one worker start instead of
 * three); their jobs are under way from `running` on: a job then spends a second or more starting its
 * compute thread (tsx and the stage code load in it) before computing, so the kill lands before any
 * result can be written, which the checks confirm. dft has its own round, killed in its calculation.
 */
describe("a worker killed with SIGKILL in the middle of each stage", () => {
  it.each([[["measures", "barriers", "percolation"]], [["dft"]]])("%j: every input is retried once by another worker and its result written once", async (names) => {
    const round = names.map((n) => cases[n]);
    for (const c of round) {
      // The case's input is the stage's only eligible one.
      const criteria = [{ column: "id", op: "eq" as const, value: c.input() }];
      await saveStageSettings(t.db, stageNamed(c.stage), { concurrency: 1, criteria, params: c.params }, "test: one input");
    }
    worker?.kill();
    worker = startChildWorker(t.url, ["--only", names.join(","), "--concurrency", String(names.length)]);
    const started = await waitFor(
      "the child worker to start every job",
      async () => {
        const runs = await Promise.all(round.map((c) => runOf(c.stage, c.input())));
        return runs.every((r) => r?.status === "running") ? runs : undefined;
      },
      40_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nchild output:\n${worker!.output()}`);
    });
    for (const c of round) await c.midJob?.();
    const processOnly = round.filter((c) => c.killProcessOnly);
    if (processOnly.length > 0) worker.killProcess();
    else worker.kill();
    expect(await worker.exited).toBe("SIGKILL");
    for (const c of processOnly) await c.killProcessOnly!();
    for (const [i, c] of round.entries()) {
      expect(await runOf(c.stage, c.input())).toMatchObject({ status: "running", attempts: 1, worker_id: started[i].worker_id });
      expect(await queryRows(t.pool, `select 1 from ${c.output} where ${c.outputKey} = $1`, [c.input()])).toHaveLength(0);
      const [job] = await queryRows(t.pool, "select locked_by from graphile_worker.jobs where key = $1", [`${c.stage}:${c.input()}`]);
      expect(job.locked_by).toBeTruthy();
    }

    // A new worker (heartbeat every 0.3 s) takes a worker silent for 4 s for dead: not less, or on a
    // loaded machine it can take itself for dead while its own jobs compute. (A failed round's is stopped first.)
    await pipeline?.stop();
    pipeline = await startPipeline({
      pgPool: t.pool,
      stages: names,
      concurrency: names.length,
      tickMs: 200,
      heartbeatMs: 300,
      recovery: { staleWorkerMs: 4000 },
    });
    for (const c of round) {
      const done = await waitFor(
        `the retried ${c.stage} run`,
        async () => {
          const r = await runOf(c.stage, c.input());
          return r?.status === "done" || r?.status === "failed" ? r : undefined;
        },
        40_000,
      );
      expect(done).toMatchObject({ status: "done", attempts: 2, worker_id: pipeline.workerId, last_error: null });
      const written = await queryRows(t.pool, `select id from ${c.output} where ${c.outputKey} = $1`, [c.input()]);
      expect(written).toHaveLength(1);
      expect(done.result).toEqual({ ids: [written[0].id] });
    }
    expect(await settlementProblems(t.pool)).toEqual([]);
    await pipeline.stop();
    pipeline = undefined;
  });
});
