import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeStructure, type StructureAnalysis } from "../../lib/analysis/index";
import { libraryStructures } from "../../lib/library/build";
import { liF } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { barriersStage } from "../../workers/stages/barriers";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { liCl, waitFor } from "./engine-fixtures";

/** Rock salt with Mg in place of Li: "MgF" has no charge-balanced assignment of oxidation states. */
const mgF = (): Structure => {
  const s = liF();
  return { ...s, sites: s.sites.map((x) => ({ ...x, species: x.species === "Li" ? "Mg" : x.species })) };
};

/** LiF doubled along a with one Li made Na: Li7NaF8, 16 sites in its primitive cell, over the barrier screen's 12. */
const li7NaF8 = (): Structure => {
  const s = liF();
  const sites = [0, 1].flatMap((k) => s.sites.map((x) => ({ ...x, frac: [(x.frac[0] + k) / 2, x.frac[1], x.frac[2]] as [number, number, number] })));
  const li = sites.findIndex((x) => x.species === "Li");
  sites[li] = { ...sites[li], species: "Na" };
  return { lattice: [s.lattice[0].map((v) => 2 * v) as [number, number, number], s.lattice[1], s.lattice[2]], sites };
};

const library = (id: string) => libraryStructures().find((e) => e.id === id)!.structure;

let t: TestDatabase;
// Two processes' worth of pipelines: the barriers stage runs apart with a timer that never fires in
// the test, so its feeder must be woken by the measures rows its joined input waits for.
let upstream: Pipeline | undefined;
let barriersOnly: Pipeline | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await barriersOnly?.stop();
  await upstream?.stop();
  await t?.drop();
});

type Row = Record<string, any>;
const rows = async (text: string, params: unknown[] = []) => (await t.pool.query(text, params)).rows as Row[];
const structureId = async (sourceId: string) => (await rows("select id from structures where source_id = $1", [sourceId]))[0]?.id as number | undefined;
const runOf = async (stage: string, key: number) =>
  (await rows("select * from stage_runs where stage = $1 and input_key = $2", [stage, String(key)]))[0];
const pathwaysOf = (id: number) => rows("select * from pathways where structure_id = $1 order by index", [id]);
const measuresOf = (id: number) =>
  rows("select m.* from measures m join pathways p on p.id = m.pathway_id where p.structure_id = $1 order by p.index", [id]);
const barriersOf = (id: number) =>
  rows("select b.* from barriers b join pathways p on p.id = b.pathway_id where p.structure_id = $1 order by p.index", [id]);
const finished = (stage: string) =>
  rows("select input_key, status from stage_runs where stage = $1 and status in ('done', 'failed') order by input_key::int", [stage]);

/** The measures of analyze's pathway as the measures table's columns. */
const measuresColumns = (m: StructureAnalysis["pathways"][number]["measures"]) => ({
  oxidation_state: m.oxidationState,
  dimensionality: m.dimensionality,
  dimensionality_cumlengths: m.dimensionalityCumlengths,
  ewald_energy: m.ewaldEnergy,
  ionic_radii_overlap_cations: m.ionicRadiiOverlapCations,
  ionic_radii_overlap_anions: m.ionicRadiiOverlapAnions,
  skipped: null,
});

describe("structures → pathways → measures → barriers, and percolation, with real workers", () => {
  const ids: Record<string, number> = {};

  it("carries fluorite and rock salt through every stage to the numbers `analyze` gives", async () => {
    const imports = [
      { source: "library" as const, sourceId: "CaF2-fluorite", structure: library("CaF2-fluorite") },
      { source: "library" as const, sourceId: "LiF-rocksalt", structure: library("LiF-rocksalt") },
      { source: "upload" as const, sourceId: "MgF", structure: mgF() },
      { source: "upload" as const, sourceId: "Li7NaF8", structure: li7NaF8() },
      { source: "upload" as const, sourceId: "LiCl", structure: liCl() },
    ];
    // analyze searches hops up to 5 Å; broadening would add longer ones it does not have.
    await saveStageSettings(t.db, pathwaysStage, { autoBroaden: null }, "test: no broadening");
    for (const input of imports) expect((await enqueueStructureImport(input, t.pool)).queued).toBe(true);
    upstream = await startPipeline({
      pgPool: t.pool,
      stages: ["structures", "pathways", "measures", "percolation"],
      concurrency: 4,
      tickMs: 300,
      heartbeatMs: 1000,
    });
    barriersOnly = await startPipeline({ pgPool: t.pool, stages: ["barriers"], concurrency: 2, tickMs: 600_000, heartbeatMs: 1000 });

    for (const { sourceId } of imports) ids[sourceId] = await waitFor(`import of ${sourceId}`, () => structureId(sourceId), 30_000);
    const fluorides = [ids["CaF2-fluorite"], ids["LiF-rocksalt"], ids.MgF, ids.Li7NaF8];
    // Settled: every fluoride's pathways measured and percolated, fluorite's 4 and rock salt's 3 hops
    // through the barrier screen, and nothing waiting or running.
    await waitFor(
      "the pipeline to settle",
      async () => {
        const [s] = await rows(`select
          (select count(*) from stage_runs where status in ('pending', 'queued', 'running'))::int as busy,
          (select count(*) from stage_runs where stage = 'pathways' and status = 'done')::int as searched,
          (select count(*) from pathways)::int as pathways,
          (select count(*) from stage_runs where stage = 'measures' and status in ('done', 'failed'))::int as measured,
          (select count(*) from stage_runs where stage = 'percolation' and status in ('done', 'failed'))::int as percolated,
          (select count(*) from stage_runs where stage = 'barriers' and status in ('done', 'failed'))::int as barriers`);
        const settled = s.busy === 0 && s.searched === 4 && s.measured === s.pathways && s.percolated === 4 && s.barriers >= 7;
        return settled ? s : undefined;
      },
      60_000,
    );
    // Feeding once more claims nothing: what has no barrier run is not eligible.
    await barriersOnly.feeder.tick();
    expect(await rows("select stage, input_key from stage_runs where status <> 'done' and status <> 'failed'")).toEqual([]);

    for (const sourceId of ["CaF2-fluorite", "LiF-rocksalt"]) {
      const id = ids[sourceId];
      const [structure] = await rows("select structure from structures where id = $1", [id]);
      // The fixed workflow with the stages' default parameters, on the stored (sanitised) structure.
      const analysis = analyzeStructure(structure.structure);
      const stored = await pathwaysOf(id);
      expect(stored.map((p) => p.length)).toEqual(analysis.pathways.map((p) => p.length));

      const measured = await measuresOf(id);
      expect(measured.map((m) => m.pathway_id)).toEqual(stored.map((p) => p.id));
      measured.forEach((m, i) => expect(m).toMatchObject(measuresColumns(analysis.pathways[i].measures)));
      expect(measured.every((m) => m.oxidation_state === -1 && m.dimensionality === 3)).toBe(true);

      const barriers = await barriersOf(id);
      expect(barriers.map((b) => b.pathway_id)).toEqual(stored.map((p) => p.id));
      barriers.forEach((b, i) => {
        const a = analysis.pathways[i].barrier!;
        expect(b).toMatchObject({
          idpp_energies: a.idpp.energies,
          idpp_barrier: a.idpp.barrier,
          relaxed_energies: a.relaxed.energies,
          relaxed_barrier: a.relaxed.barrier,
          relaxed_reverse_barrier: a.relaxed.reverseBarrier,
          relaxed_converged: a.relaxed.converged,
          relaxed_climbing_image: a.relaxed.climbingImage,
          energy_start: a.energyStart,
          energy_midpoint: a.energyMidpoint,
          energy_end: a.energyEnd,
          energy_barrier: a.energyBarrier,
          neb_images: 9,
        });
      });
      for (const p of stored) expect(await runOf("barriers", p.id)).toMatchObject({ status: "done", attempts: 1, last_error: null });

      const [perc] = await rows("select * from percolation where structure_id = $1", [id]);
      expect(perc).toMatchObject({
        ion: "F",
        grid_spacing: 0.2,
        percolation_1d: analysis.percolation.framework["1D"],
        percolation_2d: analysis.percolation.framework["2D"],
        percolation_3d: analysis.percolation.framework["3D"],
      });
      // The grid minimum, which analyze does not report, is the F⁻ site bound by its cations: attractive
      // BVSE, below zero. Percolating in more directions never costs less (up to rounding: in these
      // cubic crystals the three levels are one level reached along different sums).
      expect(perc.minimum_energy).toBeLessThan(0);
      expect(perc.percolation_1d).toBeLessThanOrEqual(perc.percolation_2d + 1e-12);
      expect(perc.percolation_2d).toBeLessThanOrEqual(perc.percolation_3d + 1e-12);
    }

    // MgF: measured without charges (as analyze reports it), screened out of barriers by its oxidation
    // state, and its percolation run failed with the reason.
    const mgMeasures = await measuresOf(ids.MgF);
    expect(mgMeasures.length).toBeGreaterThan(0);
    for (const m of mgMeasures) {
      expect(m).toMatchObject({ oxidation_state: 0, dimensionality: 3, ewald_energy: null, ionic_radii_overlap_cations: null });
      expect(m.skipped).toMatch(/^no oxidation states: no charge-balanced assignment of oxidation states exists for Mg1F1$/);
      expect(await runOf("barriers", m.pathway_id)).toBeUndefined();
    }
    expect(await runOf("percolation", ids.MgF)).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: expect.stringMatching(/^no oxidation states: no charge-balanced assignment/),
    });
    expect(await rows("select 1 from percolation where structure_id = $1", [ids.MgF])).toEqual([]);

    // Li7NaF8: charged and measured, percolated, but over 12 sites: no barrier run.
    const bigMeasures = await measuresOf(ids.Li7NaF8);
    expect((await rows("select nsites from structures where id = $1", [ids.Li7NaF8]))[0].nsites).toBe(16);
    expect(bigMeasures.length).toBe(5);
    for (const m of bigMeasures) {
      expect(m).toMatchObject({ oxidation_state: -1, skipped: null });
      expect(m.ionic_radii_overlap_cations).toBeGreaterThan(-1);
      expect(await runOf("barriers", m.pathway_id)).toBeUndefined();
    }
    expect(await runOf("percolation", ids.Li7NaF8)).toMatchObject({ status: "done" });

    // The chloride has no fluoride: no hops, no percolation.
    expect(await runOf("pathways", ids.LiCl)).toBeUndefined();
    expect(await runOf("percolation", ids.LiCl)).toBeUndefined();
    expect((await finished("percolation")).map((r) => Number(r.input_key))).toEqual([...fluorides].sort((a, b) => a - b));
  }, 100_000);

  it("applies changed criteria over joined columns to pathways not yet run", async () => {
    const criteria = barriersStage.defaults.criteria.map((c) => (c.column === "nsites" ? { ...c, value: 16 } : c));
    await saveStageSettings(t.db, barriersStage, { criteria: [...criteria, { column: "index", op: "eq", value: 0 }] }, "test: one hop of the big cell");
    const [first, second] = await pathwaysOf(ids.Li7NaF8);
    const done = await waitFor("the barrier of Li7NaF8's shortest hop", async () => {
      const r = await runOf("barriers", first.id);
      return r && ["done", "failed"].includes(r.status) ? r : undefined;
    }, 30_000);
    expect(done).toMatchObject({ status: "done", last_error: null });
    const [b] = await barriersOf(ids.Li7NaF8);
    expect(b.pathway_id).toBe(first.id);
    expect(b.idpp_energies).toHaveLength(7);
    expect(b.relaxed_barrier).toBeGreaterThan(0);
    await barriersOnly!.feeder.tick();
    expect(await runOf("barriers", second.id)).toBeUndefined();
  }, 40_000);

  it("fails a measures run whose pathway lacks its equivalent hops, with the reason", async () => {
    // Rows written before the hops column existed look like this; reopening the run recomputes it.
    const [hop] = await pathwaysOf(ids["LiF-rocksalt"]);
    await t.pool.query("update pathways set hops = null where id = $1", [hop.id]);
    await t.pool.query("update stage_runs set status = 'pending' where stage = 'measures' and input_key = $1", [String(hop.id)]);
    const failed = await waitFor("the reopened measures run", async () => {
      const r = await runOf("measures", hop.id);
      return r.status === "failed" ? r : undefined;
    }, 20_000);
    expect(failed.last_error).toBe("the structure's pathways were stored without their equivalent hops; run the pathways stage on it again");
    // The earlier result stays: a failed re-run does not remove it.
    expect(await rows("select 1 from measures where pathway_id = $1", [hop.id])).toHaveLength(1);
  }, 30_000);
});
