import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vec3 } from "../../lib/structure/vector";
import { caF2, liF } from "../../lib/structure/reference-crystals";
import { dftOfPathway } from "../../db/dft-rows";
import { importDftUpload } from "../../server/services/dft-import";
import { exportOfBand } from "../../lib/vasp/pathway-export";
import { pathwayBand } from "../../db/pathway-bands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
// @ts-expect-error: a plain .mjs script (the stand-in for VASP) without type declarations
import { fakeEnergyEv, progress } from "../fixtures/fake-vasp.mjs";
import { storeAnalysed } from "./dft-fixtures";

const FAKE_VASP = fileURLToPath(new URL("../fixtures/fake-vasp.mjs", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "hopscape-dft-import-"));
let t: TestDatabase;
let lif: number;
let caf2: number;

beforeAll(async () => {
  t = await createTestDatabase();
  [lif] = await storeAnalysed(t.db, liF(), "LiF");
  [caf2] = await storeAnalysed(t.db, caF2(), "CaF2");
}, 120_000);
afterAll(async () => {
  await t?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

/** Exports a pathway, runs the fake calculator in its NEB folder, and returns each image's vasprun.xml. */
async function calculated(pathwayId: number): Promise<string[]> {
  const exported = exportOfBand((await pathwayBand(t.db, pathwayId))!, { flavour: "vtst" });
  const dir = path.join(tmp, String(pathwayId));
  for (const [file, text] of Object.entries(exported.files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const r = spawnSync(process.execPath, [FAKE_VASP], { cwd: path.join(dir, "neb"), encoding: "utf8" });
  expect(r.status).toBe(0);
  return Array.from({ length: exported.images + 2 }, (_, k) => readFileSync(path.join(dir, "neb", String(k).padStart(2, "0"), "vasprun.xml"), "utf8"));
}

/** The calculator's energies at the stored band's own positions of the moving ion. */
async function expectedEnergies(pathwayId: number): Promise<number[]> {
  const images = (await pathwayBand(t.db, pathwayId))!.images!.images;
  const ion = images.map((img) => img[0] as Vec3);
  return ion.map((r) => fakeEnergyEv(progress(r, ion[0], ion[ion.length - 1])));
}

describe("DFT import of uploaded VASP results", () => {
  it("stores the profile of a zip of image folders, energies as the calculator computed them", async () => {
    const files = await calculated(lif);
    const zip = zipSync(Object.fromEntries(files.map((text, k) => [`neb/0${k}/vasprun.xml`, strToU8(text)])));
    const report = await importDftUpload(t.db, lif, [{ name: "results.zip", data: zip }]);
    expect(report.refused).toEqual([]);
    expect(report.stored).toBe(true);

    const want = await expectedEnergies(lif);
    const row = (await dftOfPathway(t.db, lif))!;
    expect(row.source).toBe("upload");
    expect(row.converged).toBe(true);
    expect(row.imageEnergies).toHaveLength(want.length);
    row.imageEnergies.forEach((e, k) => expect(e).toBeCloseTo(want[k], 6));
    const top = Math.max(...want);
    expect(row.barrier).toBeCloseTo(top - want[0], 6);
    expect(row.reverseBarrier).toBeCloseTo(top - want[want.length - 1], 6);
    // The fake's end points are B apart, so the hop is not symmetric.
    expect(row.barrier - row.reverseBarrier).toBeCloseTo(want[want.length - 1] - want[0], 6);
    expect(row.forcesMax).toBeGreaterThan(0);
  });

  it("refuses a file of another cell (wrong atom count) and stores nothing when an image is left without one", async () => {
    const good = await calculated(lif);
    const other = await calculated(caf2);
    const before = (await dftOfPathway(t.db, lif))!;
    const files = [0, 1, 3, 4].map((k) => ({ name: `0${k}_vasprun.xml`, data: strToU8(good[k]) }));
    files.push({ name: "02_vasprun.xml", data: strToU8(other[2]) });
    const report = await importDftUpload(t.db, lif, files);
    expect(report.stored).toBe(false);
    if (report.stored) return;
    expect(report.error).toBe("no accepted file for image(s) 02");
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0].file).toBe("02_vasprun.xml");
    expect(report.refused[0].reason).toMatch(/02_vasprun\.xml has \d+ atoms, but the hop's supercell has \d+/);
    expect((await dftOfPathway(t.db, lif))!.updatedAt).toEqual(before.updatedAt);
  });

  it("says a file without an image number cannot be placed", async () => {
    const good = await calculated(lif);
    const report = await importDftUpload(t.db, lif, [{ name: "vasprun.xml", data: strToU8(good[0]) }]);
    expect(report).toMatchObject({ stored: false, refused: [{ file: "vasprun.xml", reason: expect.stringMatching(/no image number/) }] });
  });
});
