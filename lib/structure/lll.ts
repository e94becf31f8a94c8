import type { Lattice } from "./lattice";
import { wrapFrac } from "./lattice";
import type { Structure } from "./structure";
import { type Mat3, type Vec3, det3, dot, inverse3, matMul, scale, sub, vecMat } from "./vector";

export interface LllReduction {
  /** The reduced lattice (rows a', b', c'), right-handed. */
  lattice: Lattice;
  /** Integer matrix with reduced = transform · original; |det| = 1. */
  transform: Mat3;
}

function gramSchmidt(b: Vec3[]): { star: Vec3[]; mu: number[][]; norm2: number[] } {
  const star: Vec3[] = [];
  const mu = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const norm2: number[] = [];
  for (let i = 0; i < 3; i++) {
    let v = b[i];
    for (let j = 0; j < i; j++) {
      mu[i][j] = dot(b[i], star[j]) / norm2[j];
      v = sub(v, scale(star[j], mu[i][j]));
    }
    star.push(v);
    norm2.push(dot(v, v));
  }
  return { star, mu, norm2 };
}

const combine = (x: Vec3, q: number, y: Vec3): Vec3 => [x[0] - q * y[0], x[1] - q * y[1], x[2] - q * y[2]];

/**
 * Lenstra–Lenstra–Lovász reduction of the lattice rows with Lovász parameter `delta` (0.75 as in
 * the original paper and pymatgen). The transform is tracked in integers so that sites can be
 * re-expressed exactly. Negating a basis vector keeps a basis LLL-reduced, so a left-handed result
 * is made right-handed by negating c'.
 */
export function lllReduce(lattice: Lattice, delta = 0.75): LllReduction {
  const b: Vec3[] = lattice.map((r) => [...r] as Vec3);
  const t: Vec3[] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  let gs = gramSchmidt(b);
  let k = 1;
  // Each swap lowers a positive potential, so this terminates; the cap guards against NaN input.
  for (let guard = 0; k < 3; guard++) {
    if (guard > 10_000) throw new Error("LLL reduction did not converge (degenerate lattice?)");
    for (let j = k - 1; j >= 0; j--) {
      const q = Math.round(gs.mu[k][j]);
      if (q !== 0) {
        b[k] = combine(b[k], q, b[j]);
        t[k] = combine(t[k], q, t[j]);
        gs = gramSchmidt(b);
      }
    }
    if (gs.norm2[k] >= (delta - gs.mu[k][k - 1] ** 2) * gs.norm2[k - 1]) {
      k++;
    } else {
      [b[k], b[k - 1]] = [b[k - 1], b[k]];
      [t[k], t[k - 1]] = [t[k - 1], t[k]];
      gs = gramSchmidt(b);
      k = Math.max(k - 1, 1);
    }
  }
  if (det3(b as Mat3) < 0) {
    b[2] = scale(b[2], -1);
    t[2] = scale(t[2], -1);
  }
  const clean = (v: Vec3): Vec3 => [v[0] + 0, v[1] + 0, v[2] + 0]; // turn -0 into 0
  return { lattice: b as Mat3, transform: t.map(clean) as Mat3 };
}

/** Inverse of a unimodular integer matrix, rounded to exact integers. */
export function inverseUnimodular(m: Mat3): Mat3 {
  return inverse3(m).map((r) => r.map((x) => Math.round(x) + 0)) as Mat3;
}

/**
 * The same crystal on the LLL-reduced lattice: Cartesian positions are unchanged, fractional
 * coordinates are re-expressed (f' = f · T⁻¹) and wrapped into [0, 1). Site order is kept.
 */
export function lllReduceStructure(structure: Structure, delta = 0.75): Structure & { transform: Mat3 } {
  const { lattice, transform } = lllReduce(structure.lattice, delta);
  const inv = inverseUnimodular(transform);
  // Guard the integer inverse: T · T⁻¹ must be the identity exactly.
  const check = matMul(transform, inv);
  if (check.some((r, i) => r.some((x, j) => x !== (i === j ? 1 : 0)))) throw new Error("LLL transform is not unimodular");
  return {
    lattice,
    transform,
    sites: structure.sites.map((s) => ({ ...s, frac: wrapFrac(vecMat(s.frac, inv)) })),
  };
}
