import { describe, expect, it } from "vitest";
import { libraryStructures } from "../library/build";
import { caF2, k2NiF4, kMgF3, liF } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { makeSupercell } from "../structure/supercell";
import type { Mat3, Vec3 } from "../structure/vector";
import { matMul, transpose } from "../structure/vector";
import { findDistinctPathways, type Pathway } from "./distinct-hops";

const lengths = (ps: Pathway[]) => ps.map((p) => Number(p.lengthA.toFixed(4)));

/** The cell-independent content of a pathway list, for comparing settings of one crystal. */
const invariant = (ps: Pathway[]) =>
  ps.map((p) => [p.index, p.lengthA.toFixed(6), p.hopsPerIon, p.ionFraction.toFixed(9), p.clearanceA.toFixed(6)]);

const rotateFrame = (s: Structure, r: Mat3): Structure => ({ ...s, lattice: matMul(s.lattice, transpose(r)) });
const shiftOrigin = (s: Structure, t: Vec3): Structure => ({
  ...s,
  sites: s.sites.map((x) => ({ ...x, frac: [x.frac[0] + t[0], x.frac[1] + t[1], x.frac[2] + t[2]] as Vec3 })),
});
/** Deterministic reordering (a fixed permutation: reversed, then every other site first). */
const shuffle = (s: Structure): Structure => {
  const r = [...s.sites].reverse();
  return { ...s, sites: [...r.filter((_, i) => i % 2 === 0), ...r.filter((_, i) => i % 2 === 1)] };
};
/** Fluorite in its primitive rhombohedral cell (fcc vectors a/2·(0,1,1), …): 3 atoms. */
const fluoritePrimitive = (a = 5.4626): Structure => ({
  lattice: [[0, a / 2, a / 2], [a / 2, 0, a / 2], [a / 2, a / 2, 0]],
  sites: [
    { species: "F", frac: [0.75, 0.75, 0.75] },
    { species: "Ca", frac: [0, 0, 0] },
    { species: "F", frac: [0.25, 0.25, 0.25] },
  ],
});
// A rotation by 30° about z, then 50° about x: a general orientation of the Cartesian frame.
const c1 = Math.cos(Math.PI / 6), s1 = Math.sin(Math.PI / 6), c2 = Math.cos(0.87), s2 = Math.sin(0.87);
const ROTATION: Mat3 = matMul([[1, 0, 0], [0, c2, -s2], [0, s2, c2]], [[c1, -s1, 0], [s1, c1, 0], [0, 0, 1]]);

describe("findDistinctPathways: reference crystals", () => {
  it("fluorite CaF2: four hops, the two of √3·a/2 inequivalent", () => {
    // F forms a simple cubic sublattice of edge a/2: hops a/2, a/√2, √3·a/2 (body diagonals of the
    // F cubes, half of which hold Ca, half empty: two distinct pathways).
    const a = 5.4626;
    const ps = findDistinctPathways(caF2(a));
    expect(lengths(ps)).toEqual([2.7313, 3.8626, 4.7308, 4.7308]);
    // Neighbours per F: 6, 12, 4 + 4; each hop shared by two ions.
    expect(ps.map((p) => p.hopsPerIon)).toEqual([3, 6, 2, 2]);
    expect(ps.map((p) => p.multiplicity)).toEqual([24, 48, 16, 16]);
    // Clearance by geometry: edge hop passes Ca at a√2/4, face diagonal at a/4, the filled-cube
    // diagonal runs through Ca (0), the empty-cube one passes the nearest Ca at a/√6.
    expect(ps[0].clearanceA).toBeCloseTo((a * Math.SQRT2) / 4, 6);
    expect(ps[1].clearanceA).toBeCloseTo(a / 4, 6);
    expect(ps[2].clearanceA).toBeCloseTo(0, 6);
    expect(ps[3].clearanceA).toBeCloseTo(a / Math.sqrt(6), 6);
    expect(ps.every((p) => p.ionFraction === 8 / 12)).toBe(true);
  });

  it("fluorite: representative geometry is consistent", () => {
    const s = caF2();
    for (const p of findDistinctPathways(s)) {
      const v = p.endCart.map((x, i) => x - p.startCart[i]);
      expect(Math.hypot(...v)).toBeCloseTo(p.lengthA, 9);
      expect(s.sites[p.startSite].species).toBe("F");
      expect(s.sites[p.endSite].species).toBe("F");
      // The end site is the end point up to a lattice vector.
      const d = p.endFrac.map((x, i) => x - s.sites[p.endSite].frac[i]);
      for (const x of d) expect(Math.abs(x - Math.round(x))).toBeLessThan(1e-9);
      expect(p.midpointFrac.map((x, i) => x - (p.startFrac[i] + p.endFrac[i]) / 2)).toEqual([0, 0, 0]);
      expect(p.startOrbit).toBe(4); // all F form one orbit; the first F is site 4
    }
  });

  it("rock-salt LiF: a/√2, a, a·√(3/2)", () => {
    // F on an fcc lattice of edge a = 4.027 Å (the task's reference cell).
    expect(lengths(findDistinctPathways(liF(4.027)))).toEqual([2.8475, 4.027, 4.932]);
  });

  it("cubic perovskite KMgF3: a/√2, a twice (through Mg, and across the K face), a·√(3/2)", () => {
    const a = 3.978;
    const ps = findDistinctPathways(kMgF3(a));
    expect(lengths(ps)).toEqual([2.8129, 3.978, 3.978, 4.872]);
    // The hop of length a through Mg (F–Mg–F line) has zero clearance; the other passes K at a/2.
    const [throughMg, acrossFace] = ps.slice(1, 3);
    expect(throughMg.clearanceA).toBeCloseTo(0, 9);
    expect(acrossFace.clearanceA).toBeCloseTo(a / 2, 9);
    // Each F has 2 F neighbours through Mg (one hop per F) and 4 across faces (two per F).
    expect([throughMg.hopsPerIon, acrossFace.hopsPerIon]).toEqual([1, 2]);
  });

  it("rock-salt CsF (a = 6.0 Å) has no hop below 4 Å, the first at a/√2", () => {
    const csF: Structure = { ...liF(6.0), sites: liF(6.0).sites.map((x) => ({ ...x, species: x.species === "Li" ? "Cs" : "F" })) };
    expect(findDistinctPathways(csF, { maxLength: 4 })).toEqual([]);
    expect(findDistinctPathways(csF)[0].lengthA).toBeCloseTo(6 / Math.SQRT2, 9);
  });

  it("includes hops up to maxLength + 0.01 Å, as DistinctPathFinder does", () => {
    expect(lengths(findDistinctPathways(liF(4.027), { maxLength: 4.02 }))).toEqual([2.8475, 4.027]);
    expect(lengths(findDistinctPathways(liF(4.027), { maxLength: 4.01 }))).toEqual([2.8475]);
  });

  it("limit keeps the first pathways, 0 keeps all", () => {
    expect(findDistinctPathways(caF2(), { limit: 2 }).length).toBe(2);
    expect(findDistinctPathways(caF2(), { limit: 0 }).length).toBe(4);
    expect(findDistinctPathways(caF2(), { ion: "Cl" })).toEqual([]);
  });
});

describe("findDistinctPathways: independent of the cell", () => {
  const cases: Array<[string, () => Structure]> = [
    ["CaF2", () => caF2()],
    ["KMgF3", () => kMgF3(3.978)],
    ["K2NiF4", () => k2NiF4()],
  ];
  for (const [name, make] of cases) {
    const reference = findDistinctPathways(make());
    it(`${name}: 2×1×1 and non-diagonal supercells`, () => {
      const s2 = makeSupercell(make(), [2, 1, 1]);
      const sx = makeSupercell(make(), [[1, 1, 0], [-1, 1, 0], [0, 1, 2]] as Mat3);
      expect(invariant(findDistinctPathways(s2))).toEqual(invariant(reference));
      expect(invariant(findDistinctPathways(sx))).toEqual(invariant(reference));
      // Multiplicity counts hops per input cell: it scales with the cell.
      expect(findDistinctPathways(s2).map((p) => p.multiplicity)).toEqual(reference.map((p) => 2 * p.multiplicity));
      expect(findDistinctPathways(sx).map((p) => p.multiplicity)).toEqual(reference.map((p) => 4 * p.multiplicity));
    });
    it(`${name}: shuffled atoms, shifted origin, rotated frame`, () => {
      expect(invariant(findDistinctPathways(shuffle(make())))).toEqual(invariant(reference));
      expect(invariant(findDistinctPathways(shiftOrigin(make(), [0.123, 0.31, 0.77])))).toEqual(invariant(reference));
      expect(invariant(findDistinctPathways(rotateFrame(make(), ROTATION)))).toEqual(invariant(reference));
      const all = rotateFrame(shiftOrigin(shuffle(makeSupercell(make(), [1, 2, 1])), [0.5, 0.1, 0.2]), ROTATION);
      expect(invariant(findDistinctPathways(all))).toEqual(invariant(reference));
    });
  }

  it("fluorite: primitive rhombohedral cell gives the conventional cell's list", () => {
    const conv = findDistinctPathways(caF2());
    const prim = findDistinctPathways(fluoritePrimitive());
    expect(invariant(prim)).toEqual(invariant(conv));
    expect(prim.map((p) => p.multiplicity * 4)).toEqual(conv.map((p) => p.multiplicity));
  });
});

describe("findDistinctPathways: low-symmetry library crystals keep their order in any cell", () => {
  // Many F orbits, many hops of close length: the order rests on the geometric tie-break.
  const close = (a: Pathway[], b: Pathway[]) => {
    expect(b.length).toBe(a.length);
    a.forEach((p, i) => {
      expect(b[i].index).toBe(p.index);
      expect(b[i].lengthA).toBeCloseTo(p.lengthA, 8);
      expect(b[i].hopsPerIon).toBe(p.hopsPerIon);
      expect(b[i].clearanceA).toBeCloseTo(p.clearanceA, 8);
    });
  };
  for (const formula of ["Na3AlF6", "LaF3", "BeF2", "YF3", "LiYF4"]) {
    it(formula, () => {
      const s = libraryStructures().find((e) => e.formula === formula)!.structure;
      const reference = findDistinctPathways(s);
      expect(reference.length).toBeGreaterThan(10);
      close(reference, findDistinctPathways(rotateFrame(shiftOrigin(shuffle(s), [0.137, 0.29, 0.61]), ROTATION)));
      close(reference, findDistinctPathways(makeSupercell(s, [[1, 1, 0], [0, 1, 0], [0, 0, 2]] as Mat3)));
    });
  }
});
