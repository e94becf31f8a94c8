import { type ImageSet, checkImageSet } from "../measures/image-set";
import { inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { type Vec3, vecMat } from "../structure/vector";
import { BvseField, type BvseFieldOptions } from "./bvse";

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

/**
 * BVSE profile over a band of supercell images: for each image, the field of all its other atoms
 * (vacancy-hop mode: the hop's two sites are simply absent from the images) evaluated at the moving
 * ion's position. Unlike energyProfile in one fixed field, the framework may differ between images
 * (IDPP moves the neighbours a little).
 */
export function bvseImageProfile(set: ImageSet, options: Pick<BvseFieldOptions, "mobileOxidationState" | "coulombCutoffA" | "screeningFactor">): BarrierSummary {
  const moving = checkImageSet(set);
  const inverse = inverseLattice(set.lattice);
  const energies = set.images.map((image) => {
    const structure: Structure = {
      lattice: set.lattice,
      sites: image.flatMap((p, a) => (a === moving ? [] : [{ species: set.species[a], frac: vecMat(p, inverse), oxidationState: set.oxidationStates[a] }])),
    };
    const field = new BvseField(structure, { ...options, mobileSpecies: set.species[moving], mode: "vacancy-hop" });
    return field.energyAt(image[moving]);
  });
  return barrierSummary(energies);
}
