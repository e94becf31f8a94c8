import { type Mat3, type Vec3, cross, det3, dot, inverse3, norm, vecMat } from "./vector";

/** Lattice as a row-major matrix: rows are the lattice vectors a, b, c in Å. */
export type Lattice = Mat3;

export interface LatticeParameters {
  a: number;
  b: number;
  c: number;
  alpha: number;
  beta: number;
  gamma: number;
}

const DEG = Math.PI / 180;

/** Volume in Å³ (always positive, whatever the handedness). */
export const latticeVolume = (m: Lattice): number => Math.abs(det3(m));

export function latticeParameters(m: Lattice): LatticeParameters {
  const [va, vb, vc] = m;
  const a = norm(va), b = norm(vb), c = norm(vc);
  const angle = (u: Vec3, v: Vec3, lu: number, lv: number) =>
    Math.acos(Math.max(-1, Math.min(1, dot(u, v) / (lu * lv)))) / DEG;
  return { a, b, c, alpha: angle(vb, vc, b, c), beta: angle(va, vc, a, c), gamma: angle(va, vb, a, b) };
}

/**
 * Lattice from parameters in the standard orientation (a along x, b in the xy plane),
 * the convention of CIF files and International Tables.
 */
export function latticeFromParameters(p: LatticeParameters): Lattice {
  const { a, b, c } = p;
  const ca = Math.cos(p.alpha * DEG), cb = Math.cos(p.beta * DEG), cg = Math.cos(p.gamma * DEG);
  const sg = Math.sin(p.gamma * DEG);
  const cx = c * cb;
  const cy = (c * (ca - cb * cg)) / sg;
  const cz2 = c * c - cx * cx - cy * cy;
  if (!(cz2 > 0)) throw new Error("lattice angles do not describe a real cell");
  return [
    [a, 0, 0],
    [b * cg, b * sg, 0],
    [cx, cy, Math.sqrt(cz2)],
  ];
}

export const fracToCart = (m: Lattice, f: Vec3): Vec3 => vecMat(f, m);

/** Inverse lattice matrix, so that cart·inv = frac. Compute it once for many points. */
export const inverseLattice = (m: Lattice): Mat3 => inverse3(m);
export const cartToFrac = (inv: Mat3, c: Vec3): Vec3 => vecMat(c, inv);

/** Wraps a fractional coordinate into [0, 1), mapping values within 1e-8 of 1 to 0. */
export function wrap01(x: number): number {
  let r = x - Math.floor(x);
  if (r >= 1 - 1e-8) r = 0;
  return r;
}
export const wrapFrac = (f: Vec3): Vec3 => [wrap01(f[0]), wrap01(f[1]), wrap01(f[2])];

/**
 * Perpendicular heights in Å: the spacing of the lattice planes spanned by (b, c), (c, a) and
 * (a, b). A vector of length r changes fractional coordinate i by at most r / height_i.
 */
export function perpendicularHeights(m: Lattice): Vec3 {
  const v = latticeVolume(m);
  const [a, b, c] = m;
  return [v / norm(cross(b, c)), v / norm(cross(c, a)), v / norm(cross(a, b))];
}
