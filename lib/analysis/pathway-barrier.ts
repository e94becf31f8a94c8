import { BvseField } from "../energy/bvse";
import { nudgedElasticBand } from "../energy/neb";
import { barrierSummary } from "../energy/profile";
import type { HopImages } from "../interpolation/hop-images";
import { inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { vecMat } from "../structure/vector";
import { type PathwayAnchor, hopImageSet } from "./hop-image-set";
import { resamplePath } from "./resample-path";

export interface PathwayBarrierInput {
  structure: Structure;
  /** Per input site (lib/oxidation). */
  oxidationStates: number[];
  pathway: PathwayAnchor;
  /** The pathway's IDPP band in its vacancy supercell (lib/interpolation). */
  images: HopImages;
  /** Movable NEB images; at least this many, more if the IDPP band has more (default 9). */
  nebImages?: number;
}

export interface PathwayBarrier {
  /** BVSE of the moving ion at its IDPP positions (eV) and max − E_start. */
  idpp: { energies: number[]; barrier: number };
  /**
   * NEB of the moving ion from the IDPP positions: energies (eV), max − E_start, max − E_end;
   * climbingImage false when the climbing image did not converge and a plain band did.
   */
  relaxed: { energies: number[]; barrier: number; reverseBarrier: number; converged: boolean; climbingImage: boolean };
  /** The original workflow's midpoint estimate on the IDPP images (see lib/energy/profile.ts). */
  energyStart: number;
  energyMidpoint: number;
  energyEnd: number;
  energyBarrier: number;
}

/**
 * BVSE barriers of one hop in vacancy-hop mode. The field is built once, from the vacancy supercell
 * of the IDPP band's start image without the moving ion: both sites of the hop are empty there,
 * every other mobile ion stays as a repulsive centre, and the supercell (≥ 7 Å per axis) keeps the
 * vacancies' periodic images as far apart as the images' own. A unit-cell field with the two sites
 * emptied would be cheaper but would empty them in every cell, a far higher vacancy concentration.
 * Both profiles are in this one field, so they compare directly; the framework displacements IDPP
 * makes along the band are left out (lib/energy's bvseImageProfile has them, at one field per image).
 */
export function pathwayBarrier(input: PathwayBarrierInput): PathwayBarrier {
  const { structure, oxidationStates, pathway, images } = input;
  const set = hopImageSet(structure, oxidationStates, pathway, images);
  const mobileOxidationState = set.oxidationStates[0];
  if (mobileOxidationState === 0) throw new Error("barrier: the moving ion has no charge");
  const inverse = inverseLattice(set.lattice);
  const framework: Structure = {
    lattice: set.lattice,
    sites: set.images[0].slice(1).map((x, a) => ({
      species: set.species[a + 1],
      frac: vecMat(x, inverse),
      oxidationState: set.oxidationStates[a + 1],
    })),
  };
  const field = new BvseField(framework, { mobileSpecies: set.species[0], mobileOxidationState, mode: "vacancy-hop" });

  const path = set.images.map((image) => image[0]);
  const idpp = barrierSummary(path.map((p) => field.energyAt(p)));
  const interior = Math.max(input.nebImages ?? 9, path.length - 2);
  const initialPath = interior === path.length - 2 ? path : resamplePath(path, interior + 2);
  let neb = nudgedElasticBand(field, path[0], path[path.length - 1], { initialPath, climbingImage: true });
  let climbingImage = true;
  if (!neb.converged) {
    // In vacancy-hop mode the end points need not be minima (the ion may slide downhill into the
    // emptied neighbourhood); when no interior image is above the ends the climbing image has no
    // saddle to climb to and can run away. A converged plain band is then the answer.
    const plain = nudgedElasticBand(field, path[0], path[path.length - 1], { initialPath, climbingImage: false });
    if (plain.converged) {
      neb = plain;
      climbingImage = false;
    }
  }
  const relaxed = barrierSummary(neb.energies);
  return {
    idpp: { energies: idpp.energies, barrier: idpp.barrier },
    relaxed: {
      energies: relaxed.energies,
      barrier: relaxed.barrier,
      reverseBarrier: relaxed.reverseBarrier,
      converged: neb.converged,
      climbingImage,
    },
    energyStart: idpp.energyStart,
    energyMidpoint: idpp.energyMidpoint,
    energyEnd: idpp.energyEnd,
    energyBarrier: idpp.energyBarrier,
  };
}
