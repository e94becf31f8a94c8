import { latticeParameters } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { norm, vecMat } from "../structure/vector";

export interface EqualityTolerance {
  /** Cell lengths and atom positions, Å. */
  lengthA: number;
  /** Cell angles, degrees. */
  angleDeg: number;
}

const DEFAULT: EqualityTolerance = { lengthA: 1e-4, angleDeg: 1e-4 };

/**
 * True when two structures are the same cell with the same atoms, whatever the site order and the
 * lattice's orientation in space: equal lattice parameters and a one-to-one pairing of sites of equal
 * species at equal fractional positions (periodic). Not a crystal comparison (a supercell or shifted
 * origin is "different"; lib/symmetry/fingerprint.ts is for that): it checks what a writer and reader
 * are meant to preserve.
 */
export function sameCellAndSites(a: Structure, b: Structure, tol: EqualityTolerance = DEFAULT): boolean {
  if (a.sites.length !== b.sites.length) return false;
  const pa = latticeParameters(a.lattice);
  const pb = latticeParameters(b.lattice);
  if ((["a", "b", "c"] as const).some((k) => Math.abs(pa[k] - pb[k]) > tol.lengthA)) return false;
  if ((["alpha", "beta", "gamma"] as const).some((k) => Math.abs(pa[k] - pb[k]) > tol.angleDeg)) return false;
  const used = new Array<boolean>(b.sites.length).fill(false);
  for (const s of a.sites) {
    const j = b.sites.findIndex((t, k) => {
      if (used[k] || t.species !== s.species) return false;
      const d = s.frac.map((x, i) => x - t.frac[i] - Math.round(x - t.frac[i])) as [number, number, number];
      return norm(vecMat(d, a.lattice)) <= tol.lengthA;
    });
    if (j < 0) return false;
    used[j] = true;
  }
  return true;
}
