import { describe, expect, it } from "vitest";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { latticeFromParameters } from "../structure/lattice";
import { caF2, k2NiF4 } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { vecMat } from "../structure/vector";
import { hopDimensionality } from "./hop-dimensionality";

/**
 * A 1D toy: one F per orthorhombic cell with c = 2.5 Å much shorter than a = 4.6 and b = 6 Å (a Li
 * at the body centre only makes it a compound). The shortest F–F hops, along c, make isolated chains.
 * Hops by length: c (2.5), a (4.6), 2c (5.0), a ± c (5.235), b (6.0).
 */
const chains = (c = 2.5, fs: number[] = [0]): Structure => ({
  lattice: latticeFromParameters({ a: 4.6, b: 6, c, alpha: 90, beta: 90, gamma: 90 }),
  sites: [...fs.map((z) => ({ species: "F", frac: [0, 0, z] as [number, number, number] })), ...fs.map((z) => ({ species: "Li", frac: [0.5, 0.5, z + 0.5 / fs.length] as [number, number, number] }))],
});

const dims = (s: Structure, maxLength: number) => {
  const ps = findDistinctPathways(s, { ion: "F", maxLength });
  return ps.map((p) => ({ length: Number(p.lengthA.toFixed(3)), ...hopDimensionality(s.sites.length, ps, p) }));
};

describe("equivalent hops of a pathway", () => {
  it("are `multiplicity` hops of the pathway's length between mobile-ion sites (fluorite, K2NiF4)", () => {
    // By definition: every hop of the orbit, once per input cell, and symmetry preserves lengths.
    for (const s of [caF2(), k2NiF4()]) {
      for (const p of findDistinctPathways(s, { ion: "F", maxLength: 5 })) {
        expect(p.hops).toHaveLength(p.multiplicity);
        for (const h of p.hops) {
          expect(s.sites[h.i].species).toBe("F");
          expect(s.sites[h.j].species).toBe("F");
          const a = s.sites[h.i].frac, b = s.sites[h.j].frac;
          const d = vecMat([b[0] + h.image[0] - a[0], b[1] + h.image[1] - a[1], b[2] + h.image[2] - a[2]], s.lattice);
          expect(Math.hypot(...d)).toBeCloseTo(p.lengthA, 9);
        }
      }
    }
  });
});

describe("hopDimensionality (Larsen, over the equivalent hops)", () => {
  it("fluorite: the a/2 hops join the simple-cubic F sublattice in 3D", () => {
    // F in CaF2 is simple cubic with edge a/2; its nearest-neighbour bonds span all three directions.
    const [first] = dims(caF2(), 3);
    expect(first).toEqual({ length: 2.731, dimensionality: 3, dimensionalityCumlengths: 3 });
  });

  it("1D chains along c: the shortest hop is 1D; adding longer hops raises the cumulative value", () => {
    // c alone: chains (1D); with a: planes (2D); a ± c alone is already planar (2D); with b: 3D.
    expect(dims(chains(), 6.1)).toEqual([
      { length: 2.5, dimensionality: 1, dimensionalityCumlengths: 1 },
      { length: 4.6, dimensionality: 1, dimensionalityCumlengths: 2 },
      { length: 5, dimensionality: 1, dimensionalityCumlengths: 2 },
      { length: 5.235, dimensionality: 2, dimensionalityCumlengths: 2 },
      { length: 6, dimensionality: 1, dimensionalityCumlengths: 3 },
    ]);
  });

  it("does not depend on the cell: the chains in a cell doubled along c give the same values", () => {
    // Dimensionality is a property of the crystal's hop network, not of the cell chosen to describe it.
    expect(dims(chains(5, [0, 0.5]), 6.1)).toEqual(dims(chains(), 6.1));
  });

  it("K2NiF4: the shortest hops stay within the perovskite layers (2D)", () => {
    // Layered K2NiF4 (I4/mmm): the two shortest F–F hops (≈ 2.81 and 2.83 Å, NiF6 octahedron edges)
    // link octahedra within a layer; no hop shorter than the ≈ 3.84 Å one crosses the rock-salt gap.
    const d = dims(k2NiF4(), 3.9);
    expect(d.slice(0, 2).map((x) => [x.dimensionality, x.dimensionalityCumlengths])).toEqual([[2, 2], [2, 2]]);
    expect(d[2].dimensionalityCumlengths).toBe(3);
  });
});
