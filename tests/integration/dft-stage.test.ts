import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vec3 } from "../../lib/structure/vector";
import { liF } from "../../lib/structure/reference-crystals";
import { dftOfPathway } from "../../db/dft-rows";
import { pathwayBand } from "../../db/pathway-bands";
import { pathwayFolderName } from "../../lib/vasp/pathway-export";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { dftStage } from "../../workers/stages/dft";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
// @ts-expect-error: a plain .mjs script (the stand-in for VASP) without type declarations
import { fakeEnergyEv, progress } from "../fixtures/fake-vasp.mjs";
import { waitFor } from "./engine-fixtures";
import { storeAnalysed } from "./dft-fixtures";

const FAKE_VASP = fileURLToPath(new URL("../fixtures/fake-vasp.mjs", import.meta.url));
const workDir = mkdtempSync(path.join(tmpdir(), "hopscape-dft-stage-"));
let t: TestDatabase;
let pipeline: Pipeline | undefined;
let ids: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await storeAnalysed(t.db, liF(), "LiF", true);
}, 180_000);
afterAll(async () => {
  await pipeline?.stop();
  await t?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

const runOf = async (id: number) =>
  (await t.pool.query("select status, last_error, note from stage_runs where stage = 'dft' and input_key = $1", [String(id)])).rows[0];

describe("dft stage with a fake calculator", () => {
  it("is off by default: nothing is claimed at concurrency 0", async () => {
    const settings = await readStageSettings(t.db, dftStage);
    expect(settings.concurrency).toBe(0);
    expect(settings.params).toMatchObject({ command: "" });
    pipeline = await startPipeline({ pgPool: t.pool, stages: ["dft"], tickMs: 200 });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.pool.query("select count(*)::int as n from stage_runs where stage = 'dft'")).rows[0].n).toBe(0);
  });

  it("exports the inputs, runs the command in the NEB folder and stores the energies it computed", async () => {
    const command = `"${process.execPath}" "${FAKE_VASP}"`;
    await saveStageSettings(t.db, dftStage, { concurrency: 1, params: { command, workDir, commandTimeLimitSeconds: 60 } }, "test: fake calculator");
    const converged = (await t.pool.query("select pathway_id from barriers where relaxed_converged order by pathway_id")).rows.map((r) => r.pathway_id as number);
    expect(converged.length).toBeGreaterThan(0);
    for (const id of converged) {
      const run = await waitFor(`dft run of ${id}`, async () => ((await runOf(id))?.status === "done" ? runOf(id) : undefined), 60_000);
      expect(run.note).toMatch(/^DFT barrier \d+\.\d{3} eV/);
      const band = (await pathwayBand(t.db, id))!;
      const ion = band.images!.images.map((img) => img[0] as Vec3);
      const want = ion.map((r) => fakeEnergyEv(progress(r, ion[0], ion[ion.length - 1])));
      const row = (await dftOfPathway(t.db, id))!;
      expect(row.source).toBe("stage");
      row.imageEnergies.forEach((e, k) => expect(e).toBeCloseTo(want[k], 6));
      expect(row.barrier).toBeCloseTo(Math.max(...want) - want[0], 6);
      // The inputs and the calculator's outputs stay in the working folder for a look.
      expect(existsSync(path.join(workDir, pathwayFolderName(band), "neb", "00", "vasprun.xml"))).toBe(true);
      expect(existsSync(path.join(workDir, pathwayFolderName(band), "single-points", "midpoint", "INCAR"))).toBe(true);
    }
    expect(ids).toEqual(expect.arrayContaining(converged));
  }, 90_000);

  it("kills a command that runs past its time limit and fails the run saying so", async () => {
    const id = (await t.pool.query("select pathway_id from barriers where relaxed_converged order by pathway_id limit 1")).rows[0].pathway_id as number;
    const command = `"${process.execPath}" "${FAKE_VASP}" --sleep 60`;
    await saveStageSettings(t.db, dftStage, { params: { command, workDir, commandTimeLimitSeconds: 2 } }, "test: slow calculator");
    await t.pool.query("update stage_runs set status = 'pending', attempts = 0 where stage = 'dft' and input_key = $1", [String(id)]);
    const started = Date.now();
    const run = await waitFor(`failed run of ${id}`, async () => ((await runOf(id))?.status === "failed" ? runOf(id) : undefined), 30_000);
    expect(run.last_error).toBe("the command ran past its time limit of 2 s and was killed");
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 40_000);

  it("fails the run with the command's own message when it exits with an error", async () => {
    const id = (await t.pool.query("select pathway_id from barriers where relaxed_converged order by pathway_id limit 1")).rows[0].pathway_id as number;
    await saveStageSettings(t.db, dftStage, { params: { command: `"${process.execPath}" "${FAKE_VASP}" --fail`, workDir, commandTimeLimitSeconds: 60 } });
    await t.pool.query("update stage_runs set status = 'pending', attempts = 0 where stage = 'dft' and input_key = $1", [String(id)]);
    const run = await waitFor(`failed run of ${id}`, async () => ((await runOf(id))?.status === "failed" && (await runOf(id)).last_error?.includes("status 3") ? runOf(id) : undefined), 30_000);
    expect(run.last_error).toBe("the command exited with status 3: fake-vasp: failing on purpose");
  }, 40_000);
});
