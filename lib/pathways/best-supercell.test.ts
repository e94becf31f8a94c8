import { describe, expect, it } from "vitest";
import type { Lattice } from "../structure/lattice";
import { latticeFromParameters } from "../structure/lattice";
import { caF2, k2NiF4 } from "../structure/reference-crystals";
import type { Mat3 } from "../structure/vector";
import { det3, matMul, norm, vecMat } from "../structure/vector";
import { bestSupercell, cubicDeviation } from "./best-supercell";

/** Shortest nonzero vector by brute force over integer combinations (independent of the search). */
function shortestVector(lattice: Lattice, range = 4): number {
  let best = Infinity;
  for (let i = -range; i <= range; i++)
    for (let j = -range; j <= range; j++)
      for (let k = -range; k <= range; k++) if (i || j || k) best = Math.min(best, norm(vecMat([i, j, k], lattice)));
  return best;
}

/**
 * Smallest index below `below` of any sublattice that keeps images L apart, or Infinity. Every
 * sublattice has one upper-triangular basis [[a,b,c],[0,d,e],[0,0,f]] with 0 ≤ b < d, 0 ≤ c, e < f
 * (the transposed convention of the search under test, so the two enumerations are independent).
 */
function bruteForceMinimum(lattice: Lattice, L: number, below: number): number {
  for (let n = 1; n < below; n++) {
    for (let a = 1; a <= n; a++) {
      if (n % a) continue;
      for (let d = 1; d <= n / a; d++) {
        if ((n / a) % d) continue;
        const f = n / a / d;
        for (let b = 0; b < d; b++)
          for (let c = 0; c < f; c++)
            for (let e = 0; e < f; e++) {
              const m: Mat3 = [[a, b, c], [0, d, e], [0, 0, f]];
              if (shortestVector(matMul(m, lattice), 3) >= L - 1e-9) return n;
            }
      }
    }
  }
  return Infinity;
}

describe("bestSupercell", () => {
  it("fluorite conventional cell, 10 Å: the 2×2×2 cube", () => {
    const r = bestSupercell(caF2().lattice, 10);
    expect(r.matrix).toEqual([[2, 0, 0], [0, 2, 0], [0, 0, 2]]);
    expect(r.cells).toBe(8);
    expect(r.cubicDeviation).toBeCloseTo(0, 12);
  });

  it("fluorite conventional cell, 7 Å: two cells (face-centred doubling, images a√2 apart)", () => {
    const a = 5.4626;
    const r = bestSupercell(caF2(a).lattice, 7);
    expect(r.cells).toBe(2);
    expect(r.minImageDistanceA).toBeCloseTo(a * Math.SQRT2, 9);
    const lattice = matMul(r.matrix, caF2(a).lattice);
    expect(Math.abs(det3(r.matrix))).toBe(2);
    expect(shortestVector(lattice)).toBeGreaterThanOrEqual(7);
    // No single cell qualifies (a < 7), so 2 is the minimum.
  });

  it("K2NiF4, 7 Å: 2×2×1, and nothing smaller exists among small matrices", () => {
    const lattice = k2NiF4().lattice;
    const r = bestSupercell(lattice, 7);
    expect(r.matrix).toEqual([[2, 0, 0], [0, 2, 0], [0, 0, 1]]);
    expect(bruteForceMinimum(lattice, 7, r.cells)).toBe(Infinity);
    expect(shortestVector(matMul(r.matrix, lattice))).toBeCloseTo(2 * 4.006, 9);
  });

  it("triclinic cell: images far enough apart, positive determinant, minimal among small matrices", () => {
    const lattice = latticeFromParameters({ a: 4.1, b: 5.3, c: 6.2, alpha: 81, beta: 97, gamma: 104 });
    const r = bestSupercell(lattice, 8);
    const sup = matMul(r.matrix, lattice);
    expect(det3(r.matrix)).toBeGreaterThan(0);
    expect(Math.round(det3(r.matrix))).toBe(r.cells);
    expect(shortestVector(sup)).toBeGreaterThanOrEqual(8 - 1e-9);
    expect(r.minImageDistanceA).toBeCloseTo(shortestVector(sup), 9);
    expect(bruteForceMinimum(lattice, 8, r.cells)).toBe(Infinity);
    expect(r.cubicDeviation).toBeCloseTo(cubicDeviation(sup), 12);
  });
});
