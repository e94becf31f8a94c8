/**
 * What the interpolation viewer draws of a hop's image band: the moving ion's trail and the atoms
 * of the supercell near the hop, each at the periodic image closest to it. A supercell holds a few
 * hundred atoms per image; sending only those within a few Å of the trail keeps the page light and
 * the picture readable, and choosing each atom's nearest periodic copy shows the hop's real
 * surroundings even when it runs across the supercell's boundary.
 */
import type { HopImages } from "../../lib/interpolation/hop-images";
import { fracToCart, inverseLattice } from "../../lib/structure/lattice";
import type { Lattice } from "../../lib/structure/lattice";
import { add, norm, sub, vecMat, type Vec3 } from "../../lib/structure/vector";

/** Atoms farther than this from every point of the trail are left out, Å. */
export const SCENE_RADIUS_A = 6;

export interface SceneAtom {
  species: string;
  /** Index of the atom in the supercell (0 is the moving ion, never listed here). */
  atom: number;
  /** Cartesian position in each image, Å, continuous along the band. */
  positions: Vec3[];
}

export interface PathwayScene {
  /** The images' supercell and how many unit cells it repeats per axis. */
  lattice: Lattice;
  multipliers: [number, number, number];
  ion: string;
  /** The moving ion in each image (k = 0 and the last are the end points), Å. */
  trail: Vec3[];
  atoms: SceneAtom[];
  radiusA: number;
  converged: boolean;
  warnings: string[];
}

/** Lattice translations n·(a, b, c) with every n_i in {−1, 0, 1} around a rounded shift. */
const NEIGHBOUR_SHIFTS: Vec3[] = [-1, 0, 1].flatMap((i) => [-1, 0, 1].flatMap((j) => [-1, 0, 1].map((k) => [i, j, k] as Vec3)));

/** Smallest distance from `x` to any point of the trail, Å. */
function distanceToTrail(x: Vec3, trail: Vec3[]): number {
  let best = Infinity;
  for (const p of trail) best = Math.min(best, norm(sub(x, p)));
  return best;
}

/**
 * Every periodic copy of every atom (but the moving ion's own copies) that comes within `radiusA`
 * of the trail in the start image. The copies are searched around the translation that brings
 * the atom nearest the trail's midpoint in fractional terms, ±1 cell per axis, which covers a
 * radius up to the supercell's thinnest width (≥ 7 Å by construction of the band).
 */
export function pathwayScene(images: HopImages, radiusA = SCENE_RADIUS_A): PathwayScene {
  const trail = images.images.map((image) => image[0]);
  const inverse = inverseLattice(images.lattice);
  const mid = trail[Math.floor(trail.length / 2)];
  const midFrac = vecMat(mid, inverse);
  const atoms: SceneAtom[] = [];
  const first = images.images[0];
  for (let a = 1; a < images.species.length; a++) {
    const f = vecMat(first[a], inverse);
    const base: Vec3 = [0, 1, 2].map((i) => Math.round(midFrac[i] - f[i])) as Vec3;
    for (const n of NEIGHBOUR_SHIFTS) {
      const shift = fracToCart(images.lattice, add(base, n));
      if (distanceToTrail(add(first[a], shift), trail) > radiusA) continue;
      atoms.push({
        species: images.species[a],
        atom: a,
        positions: images.images.map((image) => add(image[a], shift)),
      });
    }
  }
  return {
    lattice: images.lattice,
    multipliers: images.multipliers,
    ion: images.species[0],
    trail,
    atoms,
    radiusA,
    converged: images.converged,
    warnings: images.warnings,
  };
}
