import { shannonRadius } from "../elements";
import { inverseLattice } from "../structure/lattice";
import { type Vec3, norm, transpose, vecMat } from "../structure/vector";
import { type ImageSet, checkImageSet } from "./image-set";

export interface IonicRadiiOverlap {
  /**
   * Per image, the largest overlap r_moving + r_neighbour − d (Å) with any cation (resp. anion)
   * within the search radius, periodic images included; null when there is none.
   */
  cationOverlapsA: (number | null)[];
  anionOverlapsA: (number | null)[];
  /** The change from the start image with the largest absolute value (signed), Å; null without neighbours. */
  cationChangeA: number | null;
  anionChangeA: number | null;
}

/**
 * How much the moving ion's hard sphere runs into its neighbours along the band, relative to where it
 * starts. Radii: Shannon (1976) effective ionic radii at coordination 6 for each ion's oxidation
 * state (one common coordination, so that the measure compares ions, not environments).
 */
export function ionicRadiiOverlap(set: ImageSet, searchRadiusA = 8): IonicRadiiOverlap {
  const moving = checkImageSet(set);
  const radii = set.species.map((s, a) => (set.oxidationStates[a] === 0 ? 0 : shannonRadius(s, set.oxidationStates[a], 6)));
  const lattice = set.lattice;
  // Cells to search along each axis: the search radius over the lattice-plane spacing, plus one.
  const inverse = inverseLattice(lattice);
  const reach = transpose(inverse).map((r) => Math.ceil(searchRadiusA * norm(r)) + 1);
  const cationOverlapsA: (number | null)[] = [];
  const anionOverlapsA: (number | null)[] = [];
  for (const image of set.images) {
    const p = image[moving];
    let cation = -Infinity, anion = -Infinity;
    image.forEach((q, a) => {
      const v = set.oxidationStates[a];
      if (a === moving || v === 0) return;
      // Reduce the difference to fractional components in [−½, ½] (positions may be unwrapped), then
      // scan the surrounding cells.
      const f = vecMat([q[0] - p[0], q[1] - p[1], q[2] - p[2]], inverse).map((x) => x - Math.round(x)) as Vec3;
      const d0 = vecMat(f, lattice);
      for (let i = -reach[0]; i <= reach[0]; i++) {
        for (let j = -reach[1]; j <= reach[1]; j++) {
          for (let k = -reach[2]; k <= reach[2]; k++) {
            const dx = d0[0] + i * lattice[0][0] + j * lattice[1][0] + k * lattice[2][0];
            const dy = d0[1] + i * lattice[0][1] + j * lattice[1][1] + k * lattice[2][1];
            const dz = d0[2] + i * lattice[0][2] + j * lattice[1][2] + k * lattice[2][2];
            const d = Math.hypot(dx, dy, dz);
            if (d > searchRadiusA) continue;
            const overlap = radii[moving] + radii[a] - d;
            if (v > 0) cation = Math.max(cation, overlap);
            else anion = Math.max(anion, overlap);
          }
        }
      }
    });
    cationOverlapsA.push(Number.isFinite(cation) ? cation : null);
    anionOverlapsA.push(Number.isFinite(anion) ? anion : null);
  }
  return {
    cationOverlapsA,
    anionOverlapsA,
    cationChangeA: largestChange(cationOverlapsA),
    anionChangeA: largestChange(anionOverlapsA),
  };
}

/** The signed change from the first value with the largest magnitude; null if any value is missing. */
export function largestChange(values: (number | null)[]): number | null {
  const first = values[0];
  if (first === null || values.some((v) => v === null)) return null;
  let best = 0;
  for (const v of values as number[]) if (Math.abs(v - first) > Math.abs(best)) best = v - first;
  return best;
}
