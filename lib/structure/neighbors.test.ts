import { describe, expect, it } from "vitest";
import { fracToCart, perpendicularHeights } from "./lattice";
import { type NeighborStats, neighborPairs, neighborsOfPoint } from "./neighbors";
import { randomStructure } from "./random-structure";
import { caF2 } from "./reference-crystals";
import { skewedCell } from "./skewed-lattices";
import type { Structure } from "./structure";
import { makeSupercell } from "./supercell";
import { type Vec3, norm } from "./vector";

// Reference: every image within a block wide enough by the perpendicular heights (a fractional
// coordinate moves at most r/h per r Å), checked one by one.
function bruteNeighbors(s: Structure, point: Vec3, r: number): string[] {
  const h = perpendicularHeights(s.lattice);
  const out: string[] = [];
  s.sites.forEach((site, j) => {
    const d = [0, 1, 2].map((i) => site.frac[i] - point[i]);
    const lo = d.map((x, i) => Math.floor(-x - r / h[i]) - 1);
    const hi = d.map((x, i) => Math.ceil(-x + r / h[i]) + 1);
    for (let a = lo[0]; a <= hi[0]; a++) for (let b = lo[1]; b <= hi[1]; b++) for (let c = lo[2]; c <= hi[2]; c++) {
      const dist = norm(fracToCart(s.lattice, [d[0] + a, d[1] + b, d[2] + c]));
      if (dist <= r) out.push(`${j}:${a},${b},${c}:${dist.toFixed(9)}`);
    }
  });
  return out.sort();
}

const key = (index: number, image: Vec3, d: number) => `${index}:${image.join(",")}:${d.toFixed(9)}`;

describe("neighbour list", () => {
  it("equals brute force in a very skewed cell, images included", () => {
    const s = randomStructure(skewedCell(), 14, 11);
    const cutoff = 7.5; // larger than the cell's smallest height: many images of each site
    const pairs = neighborPairs(s, cutoff);
    s.sites.forEach((site, i) => {
      const got = pairs.filter((p) => p.center === i).map((p) => key(p.index, p.image, p.distanceA)).sort();
      const want = bruteNeighbors(s, site.frac, cutoff).filter((k) => k !== `${i}:0,0,0:0.000000000`);
      expect(got).toEqual(want);
    });
    expect(pairs.length).toBeGreaterThan(14 * 20);
  });

  it("finds the neighbours of an arbitrary point", () => {
    const s = randomStructure(skewedCell(), 9, 5);
    for (const p of [[0.3, -1.7, 2.2], [5.5, 0.1, -0.4]] as Vec3[]) {
      const got = neighborsOfPoint(s, p, 6).map((n) => key(n.index, n.image, n.distanceA)).sort();
      expect(got).toEqual(bruteNeighbors(s, p, 6));
    }
  });

  it("gives fluorite's coordination shells", () => {
    // CaF2 geometry: Ca has 8 F at a√3/4 = 2.365 Å, F has 4 Ca at that distance and 6 F at a/2 = 2.731 Å.
    const s = caF2();
    const pairs = neighborPairs(s, 2.8);
    const ca = pairs.filter((p) => p.center === 0);
    expect(ca.length).toBe(8);
    ca.forEach((p) => expect(p.distanceA).toBeCloseTo((5.4626 * Math.sqrt(3)) / 4, 9));
    const f = pairs.filter((p) => p.center === 4);
    expect(f.filter((p) => s.sites[p.index].species === "Ca").length).toBe(4);
    expect(f.filter((p) => s.sites[p.index].species === "F").length).toBe(6);
  });

  it("does work linear in the number of atoms", () => {
    // Distance checks per atom must not grow with supercell size (an all-pairs search grows 27×
    // from 2×2×2 to 6×6×6); periodic padding only makes small cells relatively dearer.
    const perAtom = (n: number) => {
      const stats: NeighborStats = { distanceChecks: 0, ghosts: 0 };
      const s = makeSupercell(caF2(), n);
      neighborPairs(s, 4, stats);
      return stats.distanceChecks / s.sites.length;
    };
    const small = perAtom(2), large = perAtom(6);
    expect(large).toBeLessThanOrEqual(small * 1.5); // bin alignment varies a little with size
    expect(large).toBeLessThan(1000);
  });

  it("refuses a non-positive cutoff", () => {
    expect(() => neighborPairs(caF2(), 0)).toThrow(/cutoff must be positive/);
  });
});
