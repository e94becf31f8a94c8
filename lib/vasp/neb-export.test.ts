import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readPoscar } from "../io/poscar";
import type { Lattice } from "../structure/lattice";
import { periodicDistance } from "../structure/periodic-distance";
import type { Vec3 } from "../structure/vector";
import { parseIncar } from "./incar";
import { readKpointGrid } from "./kpoints";
import { type NebBand, vaspNebExport } from "./neb-export";
import { zipVaspExport } from "./zip-export";

const lattice: Lattice = [
  [8, 0, 0],
  [0, 10, 0],
  [0, 0, 23],
];

/**
 * A small hand-made band, species interleaved as a supercell builder leaves them (moving F first):
 * the F ion runs from x = 7.2 Å across the cell face to x = 8.8 Å in N + 1 equal steps, unwrapped.
 */
function band(n: number): NebBand {
  const species = ["F", "Li", "F", "Li", "Ca", "F"];
  const fixed: Vec3[] = [
    [1, 1, 1],
    [4, 5, 6],
    [2, 8, 20],
    [6, 2, 11],
    [3, 3, 3],
  ];
  const images = Array.from({ length: n + 2 }, (_, k): Vec3[] => [[7.2 + (1.6 * k) / (n + 1), 5, 11.5], ...fixed]);
  return { lattice, species, images };
}

describe("vaspNebExport", () => {
  const n = 5;
  const b = band(n);
  const out = vaspNebExport(b, { title: "LiCaF test hop" });
  const f = out.files;

  it("writes folders 00 .. 0N+1, each POSCAR reading back as its image, species grouped the same way in all", () => {
    const folders = Object.keys(f).filter((p) => /^neb\/\d\d\/POSCAR$/.test(p));
    expect(folders).toEqual(["00", "01", "02", "03", "04", "05", "06"].map((d) => `neb/${d}/POSCAR`));
    // Species blocks in order of first appearance, the moving F first: F F F | Li Li | Ca.
    const poscarOrder = [0, 2, 5, 1, 3, 4];
    expect(out).toMatchObject({ speciesOrder: ["F", "Li", "Ca"], counts: [3, 2, 1], natoms: 6, images: 5 });
    b.images.forEach((image, k) => {
      const { structure } = readPoscar(f[`neb/${String(k).padStart(2, "0")}/POSCAR`]);
      expect(structure.lattice).toEqual(lattice);
      expect(structure.sites.map((s) => s.species)).toEqual(poscarOrder.map((a) => b.species[a]));
      structure.sites.forEach((s, i) => {
        const want = image[poscarOrder[i]];
        // The reader wraps into the cell; the written position is the image's up to a lattice vector.
        expect(periodicDistance(lattice, s.frac, [want[0] / 8, want[1] / 10, want[2] / 23])).toBeLessThan(1e-9);
      });
    });
  });

  it("keeps the moving ion's path continuous across the cell face (no jump between images)", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6].map((k) => Number(f[`neb/0${k}/POSCAR`].split("\n")[8].trim().split(/\s+/)[0]));
    // x/8 from 0.9 to 1.1: the frac coordinate goes past 1 instead of wrapping to 0.0.
    expect(xs[0]).toBeCloseTo(0.9, 12);
    expect(xs[6]).toBeCloseTo(1.1, 12);
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeCloseTo(0.2 / 6, 10);
  });

  it("writes an NEB INCAR with ISYM = 0, IMAGES = N and the VTST optimiser, and a POTCAR.spec in POSCAR order", () => {
    const incar = parseIncar(f["neb/INCAR"]);
    expect(incar).toMatchObject({
      ISYM: 0,
      IMAGES: n,
      SPRING: -5,
      IBRION: 3,
      POTIM: 0,
      ICHAIN: 0,
      ENCUT: 520,
      EDIFF: 1e-5,
      EDIFFG: -0.05,
      ISIF: 2,
      PREC: "Accurate",
      ALGO: "Fast",
      LWAVE: false,
      LCHARG: false,
    });
    expect(incar.LCLIMB).toBeUndefined();
    // One moment per atom, in POSCAR order; no element here has an MIT moment other than 0.6.
    expect(incar.MAGMOM).toEqual([0.6, 0.6, 0.6, 0.6, 0.6, 0.6]);
    expect(f["neb/POTCAR.spec"]).toBe("F\nLi\nCa_sv\n");
  });

  it("writes three single points (start, midpoint image, end) with NSW = 0", () => {
    expect(out.midpointImage).toBe(3);
    for (const [name, k] of [["start", 0], ["midpoint", 3], ["end", 6]] as const) {
      const incar = parseIncar(f[`single-points/${name}/INCAR`]);
      expect(incar).toMatchObject({ NSW: 0, IBRION: -1, ISYM: 0, ENCUT: 520 });
      expect(incar.IMAGES).toBeUndefined();
      expect(f[`single-points/${name}/POSCAR`].split("\n").slice(1)).toEqual(f[`neb/0${k}/POSCAR`].split("\n").slice(1));
      expect(f[`single-points/${name}/POTCAR.spec`]).toBe(f["neb/POTCAR.spec"]);
    }
    // An even number of images has no middle one: the one just past the middle is taken.
    expect(vaspNebExport(band(4)).midpointImage).toBe(3);
  });

  it("uses a Gamma-centred grid n_i = max(1, ceil(L / |a_i|))", () => {
    // L = 25 Å: ceil(25/8) = 4, ceil(25/10) = 3, ceil(25/23) = 2.
    expect(readKpointGrid(f["neb/KPOINTS"])).toEqual([4, 3, 2]);
    expect(f["neb/KPOINTS"].split("\n")[2]).toBe("Gamma");
    // L = 20 Å: ceil(2.5) = 3, ceil(2) = 2, ceil(0.87) = 1.
    expect(readKpointGrid(vaspNebExport(b, { kpointDensityA: 20 }).files["neb/KPOINTS"])).toEqual([3, 2, 1]);
  });

  it("applies overrides (null removes a tag) and writes plain VASP's optimiser for the vasp flavour", () => {
    const other = vaspNebExport(b, { flavour: "vasp", incar: { encut: 600, LREAL: null }, nebIncar: { NSW: 50 } }).files;
    const neb = parseIncar(other["neb/INCAR"]);
    expect(neb).toMatchObject({ IBRION: 1, ENCUT: 600, NSW: 50, IMAGES: n });
    expect(neb.POTIM).toBeUndefined();
    expect(neb.ICHAIN).toBeUndefined();
    expect(neb.LREAL).toBeUndefined();
    expect(parseIncar(other["single-points/start/INCAR"])).toMatchObject({ ENCUT: 600, NSW: 0 });
  });

  it("refuses a band without interior images or with images of different sizes", () => {
    expect(() => vaspNebExport({ ...b, images: b.images.slice(0, 2) })).toThrow(/at least one image/);
    expect(() => vaspNebExport({ ...b, images: [...b.images.slice(0, 3), b.images[3].slice(1)] })).toThrow(/image 3 has 5 atoms/);
    expect(() => vaspNebExport({ ...b, species: ["Og", ...b.species.slice(1)] })).toThrow(/no POTCAR for Og/);
  });

  it("zips every file under one folder", () => {
    const unzipped = unzipSync(zipVaspExport(f, "CaF2 hop 1"));
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(f).map((p) => `CaF2_hop_1/${p}`).sort());
    expect(strFromU8(unzipped["CaF2_hop_1/neb/INCAR"])).toBe(f["neb/INCAR"]);
    expect(f["README.md"]).toContain("n_i = max(1, ceil(25 Å / |a_i|))");
  });
});
