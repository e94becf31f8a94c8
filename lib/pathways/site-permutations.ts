import type { SymmetryOperation } from "../symmetry/analyze";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { matVec, vecMat } from "../structure/vector";

/**
 * What one operation does to the sites of a cell: site k goes to site `to[k]` shifted by the integer
 * lattice vector `shift[k]`, i.e. R·x_k + t = x_to[k] + shift[k]. With this, the image of a hop is
 * integer bookkeeping and equivalence needs no further tolerance.
 */
export interface SitePermutation {
  rotation: SymmetryOperation["rotation"];
  to: number[];
  shift: Vec3[];
}

/**
 * Site permutations for each operation. Each image is matched to the nearest site of the same
 * species; a match farther than `tolA` means the operation is not a symmetry of these positions,
 * which would make every orbit built from it wrong, so it throws.
 */
export function sitePermutations(s: Structure, ops: SymmetryOperation[], tolA: number): SitePermutation[] {
  return ops.map((op) => {
    const to: number[] = [];
    const shift: Vec3[] = [];
    for (const site of s.sites) {
      const x = matVec(op.rotation, site.frac);
      x[0] += op.translation[0];
      x[1] += op.translation[1];
      x[2] += op.translation[2];
      let best = -1;
      let bestD = Infinity;
      for (let m = 0; m < s.sites.length; m++) {
        if (s.sites[m].species !== site.species) continue;
        const f = s.sites[m].frac;
        const d: Vec3 = [x[0] - f[0], x[1] - f[1], x[2] - f[2]];
        const c = vecMat([d[0] - Math.round(d[0]), d[1] - Math.round(d[1]), d[2] - Math.round(d[2])], s.lattice);
        const dist = Math.hypot(c[0], c[1], c[2]);
        if (dist < bestD) {
          bestD = dist;
          best = m;
        }
      }
      if (best < 0 || bestD > tolA) throw new Error(`symmetry operation does not map site ${to.length} onto a site`);
      const f = s.sites[best].frac;
      to.push(best);
      shift.push([Math.round(x[0] - f[0]), Math.round(x[1] - f[1]), Math.round(x[2] - f[2])]);
    }
    return { rotation: op.rotation, to, shift };
  });
}
