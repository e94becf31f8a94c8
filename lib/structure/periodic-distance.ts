import { type Lattice, perpendicularHeights } from "./lattice";
import { inverseUnimodular, lllReduce } from "./lll";
import { type Mat3, type Vec3, norm, vecMat } from "./vector";

export interface MinimumImage {
  distanceA: number;
  /** Integer lattice translation (original basis) with b + image − a the shortest vector. */
  image: Vec3;
  /** Cartesian vector from a to the nearest image of b, Å. */
  vectorA: Vec3;
}

export interface PeriodicMetric {
  lattice: Lattice;
  minimumImage(fracA: Vec3, fracB: Vec3): MinimumImage;
  distance(fracA: Vec3, fracB: Vec3): number;
}

/**
 * Minimum-image distances that are exact in any cell, however skewed.
 *
 * Rounding fractional differences is only right when the cell is nearly orthogonal. Here the
 * difference is expressed in the LLL-reduced basis and rounded there, which gives an upper bound
 * r0 on the shortest image distance; every image at most r0 away then has fractional components
 * within r0 / height of the rounded one, and that small box of images is searched completely.
 */
export function createPeriodicMetric(lattice: Lattice): PeriodicMetric {
  const { lattice: reduced, transform } = lllReduce(lattice);
  const toReduced = inverseUnimodular(transform);
  const heights = perpendicularHeights(reduced);

  const minimumImage = (fracA: Vec3, fracB: Vec3): MinimumImage => {
    const d = vecMat([fracB[0] - fracA[0], fracB[1] - fracA[1], fracB[2] - fracA[2]], toReduced);
    const base: Vec3 = [-Math.round(d[0]), -Math.round(d[1]), -Math.round(d[2])];
    const d0: Vec3 = [d[0] + base[0], d[1] + base[1], d[2] + base[2]];
    const r0 = norm(vecMat(d0, reduced)) * (1 + 1e-12) + 1e-12;
    const lo = [0, 1, 2].map((i) => Math.ceil(-r0 / heights[i] - d0[i]));
    const hi = [0, 1, 2].map((i) => Math.floor(r0 / heights[i] - d0[i]));
    let best = Infinity;
    let bestShift: Vec3 = [0, 0, 0];
    let bestVec: Vec3 = [0, 0, 0];
    for (let i = lo[0]; i <= hi[0]; i++) {
      for (let j = lo[1]; j <= hi[1]; j++) {
        for (let k = lo[2]; k <= hi[2]; k++) {
          const v = vecMat([d0[0] + i, d0[1] + j, d0[2] + k], reduced);
          const r = norm(v);
          if (r < best - 1e-12) {
            best = r;
            bestShift = [base[0] + i, base[1] + j, base[2] + k];
            bestVec = v;
          }
        }
      }
    }
    const image = vecMat(bestShift, transform as Mat3).map((x) => Math.round(x) + 0) as Vec3;
    return { distanceA: best, image, vectorA: bestVec };
  };

  return { lattice, minimumImage, distance: (a, b) => minimumImage(a, b).distanceA };
}

/** One-off minimum-image distance in Å; build a metric with createPeriodicMetric for many pairs. */
export const periodicDistance = (lattice: Lattice, fracA: Vec3, fracB: Vec3): number =>
  createPeriodicMetric(lattice).distance(fracA, fracB);
