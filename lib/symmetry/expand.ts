import type { Lattice } from "../structure/lattice";
import { wrapFrac } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { add, matVec, norm, vecMat } from "../structure/vector";
import type { SymmetryOperation } from "./analyze";

/** Two images closer than this (Å) are one atom: CIF coordinates carry 4–5 digits, well below it. */
export const DUPLICATE_TOLERANCE_A = 0.01;

/**
 * Cartesian length of the shortest periodic image of the fractional difference d. Rounding each
 * component to the nearest integer finds that image exactly for differences far below a lattice
 * spacing, which is all this module asks about.
 */
function periodicDistance(lattice: Lattice, a: Vec3, b: Vec3): number {
  const d: Vec3 = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  return norm(vecMat([d[0] - Math.round(d[0]), d[1] - Math.round(d[1]), d[2] - Math.round(d[2])], lattice));
}

const describe = (s: Site) => (s.label ? `'${s.label}' (${s.species})` : s.species);

/**
 * Full unit cell from an asymmetric unit: every operation applied to every site, coordinates wrapped
 * into [0, 1), images within `toleranceA` of an earlier atom (periodic distance) merged into it, so the
 * first site keeps its label and species. Two different species on one position are refused: the
 * screening only handles ordered crystals, and a silently dropped atom would change the chemistry.
 */
export function expandAsymmetricUnit(
  lattice: Lattice,
  operations: SymmetryOperation[],
  sites: Site[],
  toleranceA = DUPLICATE_TOLERANCE_A,
): Structure {
  if (operations.length === 0) throw new Error("no symmetry operations to expand with");
  const out: Site[] = [];
  for (const site of sites) {
    for (const op of operations) {
      const frac = wrapFrac(add(matVec(op.rotation, site.frac), op.translation));
      const clash = out.find((o) => periodicDistance(lattice, o.frac, frac) < toleranceA);
      if (clash) {
        if (clash.species !== site.species) {
          throw new Error(
            `sites ${describe(clash)} and ${describe(site)} occupy the same position ` +
              `(${frac.map((x) => x.toFixed(4)).join(", ")}): mixed or disordered sites are not supported`,
          );
        }
        continue;
      }
      out.push({ ...site, frac });
    }
  }
  return { lattice: lattice.map((r) => [...r]) as Lattice, sites: out };
}
