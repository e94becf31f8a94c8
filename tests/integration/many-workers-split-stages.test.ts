import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryStructures } from "../../lib/library/build";
import { sql } from "drizzle-orm";
import { countInputs } from "../../server/services/stage-queue-counts";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { eligibleCondition } from "../../workers/engine/eligibility";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { stageNamed } from "../../workers/stages/index";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitFor } from "./engine-fixtures";

const UPSTREAM = ["structures", "pathways"];
const DOWNSTREAM = ["measures", "barriers", "percolation"];
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/hopscape.mjs");
let t: TestDatabase;
const children: Array<ReturnType<typeof startWorker>> = [];

/** `hopscape worker --only …` in its own process, as an operator would start it on another machine. */
function startWorker(stages: string) {
  const child = spawn(process.execPath, [BIN, "worker", "--only", stages, "--concurrency", "2"], {
    env: { ...process.env, DATABASE_URL: t.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { child, exited, output: () => output };
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGKILL");
  await t?.drop();
});

type Row = Record<string, any>;
const rows = async (text: string) => (await t.pool.query(text)).rows as Row[];

describe("two worker processes with different stages on one database", () => {
  it("carries every entry through every stage exactly once", async () => {
    // Hops as `analyze` finds them, no broadening afterwards (it would reopen runs on purpose).
    await saveStageSettings(t.db, pathwaysStage, { autoBroaden: null }, "test: no broadening");
    const library = libraryStructures().filter((e) => ["LiF-rocksalt", "CaF2-fluorite"].includes(e.id));
    for (const e of library) await enqueueStructureImport({ source: "library", sourceId: e.id, structure: e.structure }, t.pool);

    const upstream = startWorker(UPSTREAM.join(","));
    const downstream = startWorker(DOWNSTREAM.join(","));
    children.push(upstream, downstream);
    const settled = await waitFor(
      "both workers to carry the structures through every stage",
      // One snapshot: no run in flight and no eligible input left unclaimed means nothing will change.
      () =>
        t.db.transaction(
          async (tx) => {
            const [s] = (
              await tx.execute(sql.raw(`select
              (select count(*) from stage_runs where status not in ('done', 'skipped', 'failed'))::int as busy,
              (select count(*) from stage_runs where stage = 'percolation' and status = 'done')::int as percolated,
              (select count(*) from pathways)::int as pathways,
              (select count(*) from stage_runs where stage = 'measures' and status = 'done')::int as measured,
              (select count(*) from stage_runs where stage = 'barriers')::int as barrierRuns`))
            ).rows as Array<Record<string, number>>;
            if (!(s.busy === 0 && s.percolated === 2 && s.pathways > 0 && s.measured === s.pathways && s.barrierruns > 0)) return undefined;
            for (const stage of DOWNSTREAM.concat("pathways").map(stageNamed)) {
              const settings = await readStageSettings(tx, stage);
              if ((await countInputs(tx, stage, eligibleCondition(stage, settings.criteria, settings.params))) > 0) return undefined;
            }
            return s;
          },
          { isolationLevel: "repeatable read", accessMode: "read only" },
        ),
      150_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nupstream:\n${upstream.output()}\ndownstream:\n${downstream.output()}`);
    });
    // Each barrier screened through has its run finished too (the settle check saw no busy runs).
    const barriers = await rows("select count(*)::int as n from barriers");
    expect(barriers[0].n).toBeGreaterThan(0);

    const runs = await rows("select stage, input_key, status, attempts, worker_id from stage_runs order by stage, input_key");
    expect(runs.filter((r) => r.status !== "done" && r.status !== "skipped")).toEqual([]);
    // Started once each: no input was computed twice, by either process.
    expect(runs.filter((r) => r.attempts !== 1)).toEqual([]);
    const workers = await rows("select id, stages from workers order by started_at");
    expect(workers).toHaveLength(2);
    const byStages = (task: string) => workers.find((w) => (w.stages as string[]).includes(task))?.id;
    const [upstreamId, downstreamId] = [byStages("stage:pathways"), byStages("stage:measures")];
    expect(upstreamId).toBeDefined();
    expect(downstreamId).toBeDefined();
    expect(upstreamId).not.toBe(downstreamId);
    expect(byStages("import-structure")).toBe(upstreamId);
    for (const r of runs) {
      const expected = r.stage === "structures" || r.stage === "pathways" ? upstreamId : downstreamId;
      expect([r.stage, r.worker_id]).toEqual([r.stage, expected]);
    }

    // One result per input: every pathway measured once, every structure percolated once.
    const [counts] = await rows(`select
      (select count(*) from structures)::int as structures,
      (select count(distinct pathway_id) from measures)::int as measured, (select count(*) from measures)::int as measures,
      (select count(distinct structure_id) from percolation)::int as percolated, (select count(*) from percolation)::int as percolation,
      (select count(*) from stage_runs where stage = 'barriers')::int as barrier_runs, (select count(*) from barriers)::int as barriers`);
    expect(counts).toEqual({
      structures: 2,
      measured: settled.pathways,
      measures: settled.pathways,
      percolated: 2,
      percolation: 2,
      barrier_runs: counts.barriers,
      barriers: counts.barriers,
    });

    for (const c of [upstream, downstream]) c.child.kill("SIGTERM");
    expect(await upstream.exited).toBe(0);
    expect(await downstream.exited).toBe(0);
    expect(await rows("select id from workers where stopped_at is null")).toEqual([]);
  }, 200_000);
});
