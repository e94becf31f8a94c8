import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../structure/lattice";
import { caF2 } from "../structure/reference-crystals";
import { makeSupercell } from "../structure/supercell";
import type { Structure } from "../structure/structure";
import { type Vec3, add, matVec, sub } from "../structure/vector";
import { type SymmetryOperation, analyzeSymmetry } from "./analyze";
import { expandAsymmetricUnit } from "./expand";
import { spaceGroupFromName } from "./space-groups";

// Wurtzite ZnO (P6_3mc, 186): hexagonal, so a transposed rotation would not map it onto itself.
const wurtzite: Structure = {
  lattice: latticeFromParameters({ a: 3.25, b: 3.25, c: 5.21, alpha: 90, beta: 90, gamma: 120 }),
  sites: [
    { species: "Zn", frac: [1 / 3, 2 / 3, 0] },
    { species: "Zn", frac: [2 / 3, 1 / 3, 0.5] },
    { species: "O", frac: [1 / 3, 2 / 3, 0.382] },
    { species: "O", frac: [2 / 3, 1 / 3, 0.882] },
  ],
};

/** Every operation sends every atom onto an atom of the same species (exactly, up to lattice vectors). */
function mapsOntoItself(s: Structure, ops: SymmetryOperation[]): boolean {
  return ops.every((op) =>
    s.sites.every((site) => {
      const image = add(matVec(op.rotation, site.frac), op.translation);
      return s.sites.some(
        (t) => t.species === site.species && sub(image, t.frac).every((v) => Math.abs(v - Math.round(v)) < 1e-6),
      );
    }),
  );
}

describe("analyzeSymmetry", () => {
  it("finds P6_3mc for wurtzite with operations that map every atom onto an atom of its species", () => {
    const d = analyzeSymmetry(wurtzite);
    expect(d.number).toBe(186);
    expect(d.operations).toHaveLength(12);
    expect(mapsOntoItself(wurtzite, d.operations)).toBe(true);
  });
});

describe("analyzeSymmetry on a left-handed basis", () => {
  it("reports the same chiral group and operations that still map the crystal onto itself", () => {
    // α-quartz-type SiO2 (P3_1 21, 152; Si 3a (x, 0, 1/3), O 6c; ITA positions), written on a basis with c negated.
    const ops = spaceGroupFromName("P3_121").operations;
    const lattice = latticeFromParameters({ a: 4.91, b: 4.91, c: 5.40, alpha: 90, beta: 90, gamma: 120 });
    const right = expandAsymmetricUnit(lattice, ops, [
      { species: "Si", frac: [0.47, 0, 1 / 3] },
      { species: "O", frac: [0.414, 0.268, 0.119] },
    ]);
    const left: Structure = {
      lattice: [right.lattice[0], right.lattice[1], right.lattice[2].map((x) => -x) as Vec3],
      sites: right.sites.map((x) => ({ ...x, frac: [x.frac[0], x.frac[1], -x.frac[2]] as Vec3 })),
    };
    expect(right.sites).toHaveLength(9);
    expect(analyzeSymmetry(right).number).toBe(152);
    const d = analyzeSymmetry(left);
    expect(d.number).toBe(152);
    expect(mapsOntoItself(left, d.operations)).toBe(true);
  });
});

describe("analyzeSymmetry on a supercell less symmetric than its crystal", () => {
  it("keeps only the operations of the cell: CaF2 as 2×1×3 has mmm × 24 translations", () => {
    const s = makeSupercell(caF2(), [2, 1, 3]);
    const d = analyzeSymmetry(s);
    expect(d.number).toBe(225);
    expect(d.primitive.sites).toHaveLength(3);
    // 6 conventional cells × 4 fcc translations = 24 translations; the orthorhombic cell keeps 8 rotations.
    expect(d.operations).toHaveLength(192);
    expect(mapsOntoItself(s, d.operations)).toBe(true);
  });
});
