import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { vecMat } from "../structure/vector";
import type { PointSearch } from "./points-near";

/** Distance from point x to the segment a–b. */
export function pointSegmentDistance(x: Vec3, a: Vec3, b: Vec3): number {
  const ab: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const ax: Vec3 = [x[0] - a[0], x[1] - a[1], x[2] - a[2]];
  const l2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
  const t = l2 > 0 ? Math.max(0, Math.min(1, (ax[0] * ab[0] + ax[1] * ab[1] + ax[2] * ab[2]) / l2)) : 0;
  return Math.hypot(ax[0] - t * ab[0], ax[1] - t * ab[1], ax[2] - t * ab[2]);
}

/**
 * Closest approach of any atom other than the hop's two end atoms (site i in the home cell and site j
 * at lattice image T) to the straight segment between them, periodic images included. An atom at
 * distance d from the segment is within L/2 + d of its midpoint, so searching a sphere of radius
 * L/2 + R around the midpoint is exact whenever the answer is ≤ R; R grows until it is.
 */
export function segmentClearance(s: Structure, near: PointSearch, i: number, j: number, image: Vec3): number {
  const fi = s.sites[i].frac;
  const fj = s.sites[j].frac;
  const a = vecMat(fi, s.lattice);
  const b = vecMat([fj[0] + image[0], fj[1] + image[1], fj[2] + image[2]], s.lattice);
  const mid: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  const half = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]) / 2;
  for (let r = 3; ; r *= 2) {
    let best = Infinity;
    for (const n of near(mid, half + r)) {
      const isStart = n.site === i && n.image[0] === 0 && n.image[1] === 0 && n.image[2] === 0;
      const isEnd = n.site === j && n.image[0] === image[0] && n.image[1] === image[1] && n.image[2] === image[2];
      if (isStart || isEnd) continue;
      best = Math.min(best, pointSegmentDistance(n.cart, a, b));
    }
    if (best <= r) return best;
  }
}
