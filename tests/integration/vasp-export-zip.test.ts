import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "../../db/client";
import { imageFractional } from "../../lib/interpolation/hop-images";
import { readStructureFile } from "../../lib/io/read-structure";
import { caF2, liF } from "../../lib/structure/reference-crystals";
import { parseIncar } from "../../lib/vasp/incar";
import { readKpointGrid } from "../../lib/vasp/kpoints";
import { pathwayBand, topPathwayBands } from "../../db/pathway-bands";
import { pathwayFolderName, pathwayVaspZip, type PathwayBand } from "../../lib/vasp/pathway-export";
import { runCli } from "../cli/run-cli";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { storeAnalysed } from "./dft-fixtures";

let t: TestDatabase;
let lifIds: number[];
let caf2Ids: number[];
const tmp = mkdtempSync(path.join(tmpdir(), "hopscape-vasp-"));

beforeAll(async () => {
  t = await createTestDatabase();
  lifIds = await storeAnalysed(t.db, liF(), "LiF", true);
  caf2Ids = await storeAnalysed(t.db, caF2(), "CaF2", true);
  // The route handlers use the process-wide pool of DATABASE_URL, as in the web server.
  process.env.DATABASE_URL = t.url;
}, 180_000);
afterAll(async () => {
  await closeDb();
  await t?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

const unzip = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));

/** Fractional coordinates equal up to a whole lattice vector (the POSCAR keeps them unwrapped, a reader may wrap). */
const sameSite = (a: number[], b: number[]) => a.every((x, i) => Math.abs(x - b[i] - Math.round(x - b[i])) < 1e-5);

function expectPoscarIsImage(text: string, band: PathwayBand, k: number) {
  const [s] = readStructureFile(text, "POSCAR");
  const images = band.images!;
  const frac = imageFractional(images.lattice, images.images[k]);
  expect(s.sites).toHaveLength(images.species.length);
  // Atom 1 is the moving ion, exactly where the band has it.
  expect(s.sites[0].species).toBe(images.species[0]);
  expect(sameSite(s.sites[0].frac, frac[0])).toBe(true);
  // Every atom of the image is in the POSCAR, as the same element (POSCARs group atoms by element).
  for (let a = 0; a < frac.length; a++) {
    expect(s.sites.some((site) => site.species === images.species[a] && sameSite(site.frac, frac[a]))).toBe(true);
  }
  s.lattice.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(images.lattice[i][j], 6)));
}

describe("VASP export of a stored pathway", () => {
  it("zips NEB folders 00..N+1 whose POSCARs read back as the band's images, an INCAR with ISYM = 0 and the overrides", async () => {
    const band = (await pathwayBand(t.db, lifIds[0]))!;
    const { name, zip } = pathwayVaspZip(band, { flavour: "vasp", encut: 600, kpoints: 30 });
    const folder = pathwayFolderName(band);
    expect(name).toBe(`${folder}_vasp.zip`);
    const files = unzip(zip);
    const n = band.images!.images.length;
    expect(n).toBe(5);
    for (let k = 0; k < n; k++) expectPoscarIsImage(files[`${folder}/neb/0${k}/POSCAR`], band, k);
    expect(files[`${folder}/neb/0${n}/POSCAR`]).toBeUndefined();

    const incar = parseIncar(files[`${folder}/neb/INCAR`]);
    expect(incar).toMatchObject({ ISYM: 0, ENCUT: 600, IMAGES: n - 2, IBRION: 1 });
    expect(parseIncar(files[`${folder}/single-points/midpoint/INCAR`])).toMatchObject({ ISYM: 0, ENCUT: 600, NSW: 0, IBRION: -1 });
    // Gamma grid of length density 30 Å: n_i = ceil(30 / |a_i|).
    const lengths = band.images!.lattice.map((r) => Math.hypot(...r));
    expect(readKpointGrid(files[`${folder}/neb/KPOINTS`])).toEqual(lengths.map((l) => Math.max(1, Math.ceil(30 / l))));
    expect(files[`${folder}/neb/POTCAR.spec`].trim().split("\n")).toEqual(["F", "Li"]);
    expect(files[`${folder}/README.md`]).toContain("LiF");
    expectPoscarIsImage(files[`${folder}/single-points/start/POSCAR`], band, 0);
    expectPoscarIsImage(files[`${folder}/single-points/end/POSCAR`], band, n - 1);
  });

  it("serves it at /pathways/<id>/vasp and refuses unknown pathways and bad overrides", async () => {
    const { GET } = await import("../../app/pathways/[id]/vasp/route");
    const get = (id: string, query = "") => GET(new Request(`http://x/pathways/${id}/vasp${query}`), { params: Promise.resolve({ id }) });
    const ok = await get(String(lifIds[0]), "?encut=450");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/zip");
    const files = unzip(new Uint8Array(await ok.arrayBuffer()));
    const incarPath = Object.keys(files).find((p) => p.endsWith("/neb/INCAR"))!;
    expect(parseIncar(files[incarPath])).toMatchObject({ ENCUT: 450, ISYM: 0, IBRION: 3 });
    expect((await get("999999")).status).toBe(404);
    expect((await get(String(lifIds[0]), "?encut=5")).status).toBe(400);
    expect((await get(String(lifIds[0]), "?flavour=gaussian")).status).toBe(400);
  });

  it("exports the N pathways with the lowest relaxed BVSE barrier, a folder each, by route and by CLI", async () => {
    const all = await t.pool.query<{ pathway_id: number; relaxed_barrier: number }>("select pathway_id, relaxed_barrier from barriers order by relaxed_barrier, pathway_id");
    expect(all.rows.length).toBe(lifIds.length + caf2Ids.length);
    const top = await topPathwayBands(t.db, 2);
    expect(top.map((b) => b.pathwayId)).toEqual(all.rows.slice(0, 2).map((r) => r.pathway_id));

    const { GET } = await import("../../app/exports/vasp/route");
    const res = await GET(new Request("http://x/exports/vasp?top=2&flavour=vtst"));
    expect(res.status).toBe(200);
    const files = unzip(new Uint8Array(await res.arrayBuffer()));
    const folders = new Set(Object.keys(files).map((p) => p.split("/")[1]));
    expect(folders).toEqual(new Set(["INDEX.md", ...top.map(pathwayFolderName)]));
    expect((await GET(new Request("http://x/exports/vasp?top=0"))).status).toBe(400);

    const out = path.join(tmp, "top.zip");
    const cli = runCli(["export", "vasp", "--top", "2", "--out", out, "--encut", "550"], { DATABASE_URL: t.url });
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    const cliFiles = unzip(readFileSync(out));
    expect(Object.keys(cliFiles).sort()).toEqual(Object.keys(files).map((p) => p.replace(/^hopscape-vasp-top2\//, "hopscape-vasp-top2/")).sort());
    const cliIncar = Object.keys(cliFiles).find((p) => p.endsWith("/neb/INCAR"))!;
    expect(parseIncar(cliFiles[cliIncar]).ENCUT).toBe(550);

    const one = runCli(["export", "vasp", "--pathway", String(caf2Ids[0]), "--out", path.join(tmp, "one.zip")], { DATABASE_URL: t.url });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`pathway ${caf2Ids[0]}`);
    const both = runCli(["export", "vasp", "--pathway", "1", "--top", "2"], { DATABASE_URL: t.url });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("give either --pathway or --top");
  });
});
