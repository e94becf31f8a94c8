import { describe, expect, it } from "vitest";
import { libraryStructures } from "../library/build";
import { inputStructures } from "../records/structure-record";
import type { Lattice } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import { writeCif } from "./cif-writer";
import { writePoscar } from "./poscar";
import { writePymatgenJson } from "./pymatgen-json";
import { readStructureFile } from "./read-structure";
import { DEFAULT_STRUCTURE_LIMITS, checkLattice, checkStructureLimits, structureLimitsFromEnv } from "./structure-limits";

const cube = (a: number): Lattice => [
  [a, 0, 0],
  [0, a, 0],
  [0, 0, a],
];

/** Rock-salt LiF (a = 4.03 Å): nearest Li–F 2.015 Å, far from every limit. */
const rockSalt = (): Structure => {
  const fcc = [[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]] as const;
  const sites: Site[] = [
    ...fcc.map(([x, y, z]): Site => ({ species: "Li", frac: [x, y, z] })),
    ...fcc.map(([x, y, z]): Site => ({ species: "F", frac: [x + 0.5, y, z].map((v) => v % 1) as Site["frac"] })),
  ];
  return { lattice: cube(4.03), sites };
};

/** n³ fluorines on a simple cubic grid 2 Å apart. */
const fluorineGrid = (n: number): Structure => {
  const sites: Site[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) sites.push({ species: "F", frac: [i / n, j / n, k / n] });
  return { lattice: cube(2 * n), sites };
};

describe("checkStructureLimits", () => {
  it("accepts every crystal of the built-in library", () => {
    for (const lib of libraryStructures()) expect(() => checkStructureLimits(lib.structure), lib.id).not.toThrow();
  });

  it("refuses more sites than the limit, which the environment or an option can change", () => {
    const big = fluorineGrid(8); // 512 sites
    expect(() => checkStructureLimits(big)).toThrow("the structure has 512 sites; the limit is 500 (set HOPSCAPE_MAX_SITES to change it)");
    expect(() => checkStructureLimits(big, { ...DEFAULT_STRUCTURE_LIMITS, maxSites: 512 })).not.toThrow();
    expect(structureLimitsFromEnv({ HOPSCAPE_MAX_SITES: "2000" }).maxSites).toBe(2000);
    expect(structureLimitsFromEnv({}).maxSites).toBe(500);
    expect(() => structureLimitsFromEnv({ HOPSCAPE_MAX_SITES: "lots" })).toThrow("HOPSCAPE_MAX_SITES must be a positive whole number, not 'lots'");
    expect(() => structureLimitsFromEnv({ HOPSCAPE_MAX_SITES: "0" })).toThrow(/positive whole number/);
  });

  it("names the two sites and their distance when atoms are closer than 0.5 Å", () => {
    const s = rockSalt();
    // 0.3 Å along a from the first Li, so 0.3 Å from it and farther from everything else.
    s.sites.push({ species: "F", frac: [0.3 / 4.03, 0, 0], label: "F9" });
    expect(() => checkStructureLimits(s)).toThrow(
      "site 1 (Li) and site 9 ('F9', F) are 0.300 Å apart; atoms closer than 0.5 Å are refused",
    );
    // Across the cell boundary: the minimum image counts, not the coordinates as written.
    const t = rockSalt();
    t.sites.push({ species: "F", frac: [1 - 0.2 / 4.03, 0, 0] });
    expect(() => checkStructureLimits(t)).toThrow(/site 1 \(Li\) and site 9 \(F\) are 0\.200 Å apart/);
  });

  it("refuses an atom closer than 0.5 Å to its own periodic image", () => {
    const thin: Structure = { lattice: [[0.4, 0, 0], [0, 10, 0], [0, 0, 10]], sites: [{ species: "F", frac: [0, 0, 0] }] };
    expect(() => checkStructureLimits(thin)).toThrow("site 1 (F) is 0.400 Å from its own periodic image; atoms closer than 0.5 Å are refused");
  });

  it("refuses a degenerate lattice by its volume", () => {
    const flat: Structure = { lattice: [[3, 0, 0], [0, 3, 0], [3, 3, 0]], sites: [{ species: "F", frac: [0, 0, 0] }] };
    expect(() => checkStructureLimits(flat)).toThrow(/^the lattice is degenerate \(volume 0 Å³; at least 1 Å³ is needed\)$/);
    const tiny: Structure = { lattice: cube(0.9), sites: [{ species: "F", frac: [0, 0, 0] }] };
    expect(() => checkStructureLimits(tiny)).toThrow("the lattice is degenerate (volume 0.729 Å³; at least 1 Å³ is needed)");
  });

  it("refuses non-finite and oversized lattices before any neighbour search", () => {
    expect(() => checkLattice([[Number.NaN, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow("the lattice has a component that is not a finite number");
    expect(() => checkLattice(cube(2000))).toThrow("the cell edge a is 2000 Å long; cells are limited to 1000 Å");
  });

  it("names the site and the symbol of an unknown element", () => {
    const s = rockSalt();
    s.sites[2] = { species: "Xx", frac: s.sites[2].frac, label: "Xx1" };
    expect(() => checkStructureLimits(s)).toThrow("site 3 ('Xx1') has the unknown element 'Xx'");
    s.sites[2] = { species: "D", frac: s.sites[2].frac };
    expect(() => checkStructureLimits(s)).toThrow("site 3 has the unknown element 'D'");
  });

  it("refuses a structure without atoms or with a coordinate that is not a number", () => {
    expect(() => checkStructureLimits({ lattice: cube(4), sites: [] })).toThrow("the structure has no atoms");
    const s = rockSalt();
    s.sites[0] = { species: "Li", frac: [Number.NaN, 0, 0] };
    expect(() => checkStructureLimits(s)).toThrow("site 1 (Li) has a coordinate that is not a finite number");
  });
});

describe("the limits where structures enter", () => {
  const crowded = rockSalt();
  crowded.sites.push({ species: "F", frac: [0.3 / 4.03, 0, 0] });

  it("are applied by the file reader to CIF, POSCAR and JSON alike", () => {
    for (const [text, name] of [[writeCif(crowded), "x.cif"], [writePoscar(crowded), "POSCAR"], [writePymatgenJson(crowded), "x.json"]]) {
      expect(() => readStructureFile(text, name), name).toThrow(/are 0\.300 Å apart; atoms closer than 0\.5 Å are refused/);
    }
    expect(() => readStructureFile(writePoscar(fluorineGrid(8)), "POSCAR")).toThrow(/512 sites; the limit is 500/);
    expect(readStructureFile(writePoscar(fluorineGrid(8)), "POSCAR", { limits: { ...DEFAULT_STRUCTURE_LIMITS, maxSites: 600 } })[0].sites).toHaveLength(512);
  });

  it("name the structure in a file of several", () => {
    const text = `${writeCif(rockSalt(), "good")}\n${writeCif(crowded, "bad_one")}`;
    expect(() => readStructureFile(text, "x.cif")).toThrow(/^structure 'bad_one': site 1 \('Li1', Li\) and site 9 \('F5', F\) are 0\.300 Å apart/);
  });

  it("are applied to structures given as data (importers, library)", () => {
    expect(() => inputStructures({ source: "mp", structure: crowded })).toThrow(/0\.300 Å apart/);
    expect(inputStructures({ source: "library", structure: rockSalt() })).toHaveLength(1);
  });

  it("bound the work of a CIF expansion in a small cell", () => {
    // General positions of Fm-3m (192 operations) in a 1.2 Å cube: every image lands in one grid bin.
    const cif = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => `F${i} ${(0.01 + i * 0.0011).toFixed(4)} ${(0.02 + i * 0.0007).toFixed(4)} ${(0.03 + i * 0.0005).toFixed(4)}`);
      const cell = ["a", "b", "c"].map((a) => `_cell_length_${a} 1.2`);
      return ["data_x", "_symmetry_space_group_name_H-M 'F m -3 m'", ...cell, "loop_", "_atom_site_label", "_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z", ...rows, ""].join("\n");
    };
    // 400 × 192 images cannot make 500 atoms (48 images per atom at most): refused before expanding.
    expect(() => readStructureFile(cif(400), "x.cif")).toThrow(
      "CIF: data block 'x' lists 400 atom sites and 192 symmetry operations: more than the 24000 images a cell of at most 500 atoms can come from",
    );
    // 120 × 192 may: the expansion runs and stops at the 501st atom.
    const t0 = performance.now();
    expect(() => readStructureFile(cif(120), "x.cif")).toThrow("CIF: data block 'x' cannot be expanded: the expanded cell has more than 500 atoms");
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("refuse a CIF listing more atoms than the limit before expanding it", () => {
    const text = writeCif(fluorineGrid(9)); // 729 sites, P1
    expect(() => readStructureFile(text, "x.cif")).toThrow("CIF: data block 'structure' lists 729 atom sites; the limit is 500");
  });
});
