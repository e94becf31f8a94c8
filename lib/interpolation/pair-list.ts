import type { Lattice } from "../structure/lattice";
import { inverseLattice } from "../structure/lattice";
import type { Vec3 } from "../structure/vector";

/**
 * Atom pairs for the IDPP objective, each with the fixed lattice shift (Cartesian) of the partner's
 * image: pair p is atoms i[p] → j[p] + shift. `d0` and `d1` are the pair's distances in the two end
 * points. Fixing the image per pair (rather than taking a minimum image per structure, as pymatgen
 * does) keeps the target distances continuous along the band.
 */
export interface PairList {
  count: number;
  i: Int32Array;
  j: Int32Array;
  shift: Float64Array;
  d0: Float64Array;
  d1: Float64Array;
}

/** min over t∈[0,1] of |u + t·w|: the closest approach of a pair moving linearly between the end points. */
function closestApproach(ux: number, uy: number, uz: number, wx: number, wy: number, wz: number): number {
  const ww = wx * wx + wy * wy + wz * wz;
  const t = ww > 0 ? Math.max(0, Math.min(1, -(ux * wx + uy * wy + uz * wz) / ww)) : 0;
  const x = ux + t * wx, y = uy + t * wy, z = uz + t * wz;
  return Math.sqrt(x * x + y * y + z * z);
}

/**
 * All pairs (and periodic images) that come within `cutoffA` of each other anywhere on the linear
 * path between the end points. Far pairs are left out: their 1/d⁴ weight makes them negligible, and
 * all N² pairs would dominate the cost in the supercells screening uses.
 */
export function buildPairList(lattice: Lattice, start: Vec3[], end: Vec3[], cutoffA: number): PairList {
  const n = start.length;
  const inv = inverseLattice(lattice);
  const h = [0, 1, 2].map((k) => Math.hypot(inv[0][k], inv[1][k], inv[2][k]));
  const move = start.map((s, a) => Math.hypot(end[a][0] - s[0], end[a][1] - s[1], end[a][2] - s[2]));
  const fr = new Float64Array(3 * n);
  start.forEach((x, a) => {
    for (let k = 0; k < 3; k++) fr[3 * a + k] = x[0] * inv[0][k] + x[1] * inv[1][k] + x[2] * inv[2][k];
  });
  const [l0, l1, l2] = lattice;
  const [h0, h1, h2] = h;
  const ii: number[] = [], jj: number[] = [], sh: number[] = [], d0: number[] = [], d1: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      // Only images within the cutoff plus both atoms' movements of the start distance can come close.
      const reach = cutoffA + move[a] + move[b];
      const f0 = fr[3 * a] - fr[3 * b], f1 = fr[3 * a + 1] - fr[3 * b + 1], f2 = fr[3 * a + 2] - fr[3 * b + 2];
      const lo0 = Math.ceil(f0 - reach * h0), hi0 = Math.floor(f0 + reach * h0);
      const lo1 = Math.ceil(f1 - reach * h1), hi1 = Math.floor(f1 + reach * h1);
      const lo2 = Math.ceil(f2 - reach * h2), hi2 = Math.floor(f2 + reach * h2);
      const ux0 = start[b][0] - start[a][0], uy0 = start[b][1] - start[a][1], uz0 = start[b][2] - start[a][2];
      const ex0 = end[b][0] - end[a][0], ey0 = end[b][1] - end[a][1], ez0 = end[b][2] - end[a][2];
      for (let x = lo0; x <= hi0; x++) {
        for (let y = lo1; y <= hi1; y++) {
          for (let z = lo2; z <= hi2; z++) {
            const sx = x * l0[0] + y * l1[0] + z * l2[0];
            const sy = x * l0[1] + y * l1[1] + z * l2[1];
            const sz = x * l0[2] + y * l1[2] + z * l2[2];
            const ux = ux0 + sx, uy = uy0 + sy, uz = uz0 + sz;
            const ex = ex0 + sx, ey = ey0 + sy, ez = ez0 + sz;
            if (closestApproach(ux, uy, uz, ex - ux, ey - uy, ez - uz) >= cutoffA) continue;
            ii.push(a);
            jj.push(b);
            sh.push(sx, sy, sz);
            d0.push(Math.hypot(ux, uy, uz));
            d1.push(Math.hypot(ex, ey, ez));
          }
        }
      }
    }
  }
  return {
    count: ii.length,
    i: Int32Array.from(ii),
    j: Int32Array.from(jj),
    shift: Float64Array.from(sh),
    d0: Float64Array.from(d0),
    d1: Float64Array.from(d1),
  };
}
