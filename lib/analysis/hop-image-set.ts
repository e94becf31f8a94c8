import type { HopImages } from "../interpolation/hop-images";
import type { ImageSet } from "../measures/image-set";
import type { Pathway } from "../pathways/distinct-hops";
import { inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { vecMat } from "../structure/vector";

/** The pathway fields needed to place a band of images back in its crystal. */
export type PathwayAnchor = Pick<Pathway, "startCart">;

/** Farther than this (Å) from every site of its species, a supercell atom is not an image of the crystal. */
const MATCH_TOLERANCE_A = 0.05;

/**
 * A hop's band of supercell images with the formal charge of every atom, as the measures take it.
 * HopImages lists species only, so each atom is traced back to the crystal site it is an image of:
 * the supercell is the crystal shifted by (moving ion's start − pathway start), which undoes to
 * input fractional coordinates. Matching by site rather than by species keeps mixed-valence
 * crystals (two charges on one element) right.
 */
export function hopImageSet(structure: Structure, oxidationStates: number[], pathway: PathwayAnchor, images: HopImages): ImageSet {
  if (oxidationStates.length !== structure.sites.length) {
    throw new Error(`${oxidationStates.length} oxidation states for ${structure.sites.length} sites`);
  }
  const first = images.images[0];
  const shift = [0, 1, 2].map((a) => first[0][a] - pathway.startCart[a]);
  const inverse = inverseLattice(structure.lattice);
  const states = first.map((x, a) => {
    const f = vecMat([x[0] - shift[0], x[1] - shift[1], x[2] - shift[2]], inverse);
    let best = -1;
    let bestD = Infinity;
    structure.sites.forEach((site, s) => {
      if (site.species !== images.species[a]) return;
      const d = vecMat(
        [0, 1, 2].map((k) => {
          const x = f[k] - site.frac[k];
          return x - Math.round(x);
        }) as [number, number, number],
        structure.lattice,
      );
      const dist = Math.hypot(d[0], d[1], d[2]);
      if (dist < bestD) {
        bestD = dist;
        best = s;
      }
    });
    if (best < 0 || bestD > MATCH_TOLERANCE_A) throw new Error(`image atom ${a} (${images.species[a]}) matches no site of the crystal`);
    return oxidationStates[best];
  });
  return { lattice: images.lattice, species: images.species, oxidationStates: states, images: images.images, movingIndex: 0 };
}
