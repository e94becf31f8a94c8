import type { HopImages } from "../../lib/interpolation/hop-images";

/**
 * A hand-made band: a 4 Å cubic supercell with an F moving along x from 0.5 to 2.5 Å in four
 * images (two interior) past a Ca at the cell's centre, so every expected number is plain.
 */
export const testBand: HopImages = {
  lattice: [
    [4, 0, 0],
    [0, 4, 0],
    [0, 0, 4],
  ],
  multipliers: [1, 1, 1],
  species: ["F", "Ca"],
  images: [0.5, 1.1666666666666667, 1.8333333333333333, 2.5].map((x) => [
    [x, 1, 2],
    [2, 2, 2],
  ]),
  converged: true,
  iterations: 1,
  maxForce: 0,
  minDistanceRatio: 1,
  warnings: [],
};
