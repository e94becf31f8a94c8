import type { Vec3 } from "../structure/vector";

/**
 * Summary of an energy profile along a hop (energies in eV, images in path order):
 * - barrier = max − E_start, reverseBarrier = max − E_end (the highest image, end points included);
 * - energyMidpoint: the middle image (odd image count) or the mean of the two middle images (even);
 * - energyBarrier = max(E_mid − E_start, E_mid − E_end), the midpoint estimate used for screening
 *   with symmetric interpolated paths.
 */
export interface BarrierSummary {
  energies: number[];
  barrier: number;
  reverseBarrier: number;
  energyStart: number;
  energyMidpoint: number;
  energyEnd: number;
  energyBarrier: number;
}

export function barrierSummary(energies: number[]): BarrierSummary {
  const n = energies.length;
  if (n < 2) throw new Error("profile: need at least the two end points");
  const max = Math.max(...energies);
  const energyStart = energies[0];
  const energyEnd = energies[n - 1];
  const energyMidpoint = n % 2 === 1 ? energies[(n - 1) / 2] : (energies[n / 2 - 1] + energies[n / 2]) / 2;
  return {
    energies: [...energies],
    barrier: max - energyStart,
    reverseBarrier: max - energyEnd,
    energyStart,
    energyMidpoint,
    energyEnd,
    energyBarrier: Math.max(energyMidpoint - energyStart, energyMidpoint - energyEnd),
  };
}

/** Anything that gives an energy (eV) at a Cartesian point, e.g. a BvseField. */
export interface EnergyFunction {
  energyAt(point: Vec3): number;
}

/**
 * Energies of the moving ion at given positions (Cartesian Å, path order; e.g. its positions in
 * IDPP images of a supercell, in that supercell's field) and their barrier summary.
 */
export function energyProfile(field: EnergyFunction, positions: Vec3[]): BarrierSummary {
  return barrierSummary(positions.map((p) => field.energyAt(p)));
}
