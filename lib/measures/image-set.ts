import type { Lattice } from "../structure/lattice";
import type { Vec3 } from "../structure/vector";

/**
 * The input of the per-hop measures: a band of images of one supercell, as plain data.
 *
 * - `lattice`: the supercell, rows a, b, c in Å (the same for every image);
 * - `species[a]`, `oxidationStates[a]`: element and formal charge of atom a;
 * - `images[k][a]`: Cartesian position (Å) of atom a in image k; k = 0 is the start of the hop and
 *   the last image its end; positions need not be wrapped into the cell;
 * - `movingIndex`: the atom that hops (default 0, as in lib/interpolation's HopImages, which gives
 *   this shape once oxidation states are added: `{ ...hopImages, oxidationStates }`).
 */
export interface ImageSet {
  lattice: Lattice;
  species: string[];
  oxidationStates: number[];
  images: Vec3[][];
  movingIndex?: number;
}

/** Checks the shape and returns the moving atom's index. */
export function checkImageSet(set: ImageSet): number {
  const n = set.species.length;
  const moving = set.movingIndex ?? 0;
  if (set.oxidationStates.length !== n) throw new Error(`image set: ${n} species but ${set.oxidationStates.length} oxidation states`);
  if (set.images.length < 2) throw new Error("image set: need at least the start and end images");
  set.images.forEach((image, k) => {
    if (image.length !== n) throw new Error(`image set: image ${k} has ${image.length} atoms, expected ${n}`);
  });
  if (!Number.isInteger(moving) || moving < 0 || moving >= n) throw new Error(`image set: moving index ${moving} out of range`);
  return moving;
}
