import { wrapFrac } from "./lattice";
import type { Structure } from "./structure";
import { type Mat3, type Vec3, det3, inverse3, matMul, vecMat } from "./vector";

/** An integer 3×3 matrix (rows = new vectors in units of the old ones), a diagonal, or one factor. */
export type SupercellSpec = Mat3 | Vec3 | number;

function toMatrix(spec: SupercellSpec): Mat3 {
  if (typeof spec === "number") return [[spec, 0, 0], [0, spec, 0], [0, 0, spec]];
  if (typeof spec[0] === "number") {
    const [a, b, c] = spec as Vec3;
    return [[a, 0, 0], [0, b, 0], [0, 0, c]];
  }
  return spec as Mat3;
}

/**
 * Supercell with lattice M · L (new vector i = Σ M[i][j] · old vector j).
 *
 * Sites are ordered deterministically: by original site, then by lattice translation (integer
 * vector in the old basis) in lexicographic order, as pymatgen's make_supercell groups them.
 * Fractional coordinates are wrapped into [0, 1) of the new cell; labels and oxidation states are kept.
 */
export function makeSupercell(structure: Structure, spec: SupercellSpec): Structure {
  const m = toMatrix(spec);
  if (m.some((r) => r.some((x) => !Number.isInteger(x)))) throw new Error("supercell matrix must be integer");
  const det = Math.round(det3(m));
  if (det === 0) throw new Error("supercell matrix is singular");
  const inv = inverse3(m);

  // Translations t inside the supercell: t·M⁻¹ ∈ [0,1)³. Their old-basis coordinates lie within
  // the bounding box of the supercell's corners (all 0/1 combinations of M's rows).
  const lo = [0, 0, 0], hi = [0, 0, 0];
  for (let mask = 0; mask < 8; mask++) {
    const corner = [0, 1, 2].map((d) => [0, 1, 2].reduce((s, i) => s + ((mask >> i) & 1 ? m[i][d] : 0), 0));
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], corner[d]);
      hi[d] = Math.max(hi[d], corner[d]);
    }
  }
  const eps = 1e-9;
  const translations: Vec3[] = [];
  for (let i = lo[0]; i <= hi[0]; i++) {
    for (let j = lo[1]; j <= hi[1]; j++) {
      for (let k = lo[2]; k <= hi[2]; k++) {
        const f = vecMat([i, j, k], inv);
        if (f.every((x) => x > -eps && x < 1 - eps)) translations.push([i, j, k]);
      }
    }
  }
  if (translations.length !== Math.abs(det)) {
    throw new Error(`supercell enumeration found ${translations.length} translations, expected ${Math.abs(det)}`);
  }

  return {
    lattice: matMul(m, structure.lattice),
    sites: structure.sites.flatMap((site) =>
      translations.map((t) => ({
        ...site,
        frac: wrapFrac(vecMat([site.frac[0] + t[0], site.frac[1] + t[1], site.frac[2] + t[2]], inv)),
      })),
    ),
  };
}
