/** Small fixed-size linear algebra for crystallography: 3-vectors and 3×3 matrices as plain arrays. */
export type Vec3 = [number, number, number];
/** Row-major 3×3 matrix. For a lattice the rows are the lattice vectors a, b, c. */
export type Mat3 = [Vec3, Vec3, Vec3];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const norm = (a: Vec3): number => Math.sqrt(dot(a, a));
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

export const det3 = (m: Mat3): number => dot(m[0], cross(m[1], m[2]));

export function transpose(m: Mat3): Mat3 {
  return [
    [m[0][0], m[1][0], m[2][0]],
    [m[0][1], m[1][1], m[2][1]],
    [m[0][2], m[1][2], m[2][2]],
  ];
}

export function inverse3(m: Mat3): Mat3 {
  const d = det3(m);
  if (!Number.isFinite(d) || Math.abs(d) < 1e-12) throw new Error("matrix is singular");
  const [a, b, c] = m;
  const r0 = cross(b, c);
  const r1 = cross(c, a);
  const r2 = cross(a, b);
  // Columns of the inverse are the cross products divided by the determinant.
  return [
    [r0[0] / d, r1[0] / d, r2[0] / d],
    [r0[1] / d, r1[1] / d, r2[1] / d],
    [r0[2] / d, r1[2] / d, r2[2] / d],
  ];
}

export function matMul(a: Mat3, b: Mat3): Mat3 {
  const r = (i: number, j: number) => a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
  return [
    [r(0, 0), r(0, 1), r(0, 2)],
    [r(1, 0), r(1, 1), r(1, 2)],
    [r(2, 0), r(2, 1), r(2, 2)],
  ];
}

/** Row vector times matrix: v·M. With M a lattice, turns fractional into Cartesian coordinates. */
export const vecMat = (v: Vec3, m: Mat3): Vec3 => [
  v[0] * m[0][0] + v[1] * m[1][0] + v[2] * m[2][0],
  v[0] * m[0][1] + v[1] * m[1][1] + v[2] * m[2][1],
  v[0] * m[0][2] + v[1] * m[1][2] + v[2] * m[2][2],
];

/** Matrix times column vector: M·v. */
export const matVec = (m: Mat3, v: Vec3): Vec3 => [dot(m[0], v), dot(m[1], v), dot(m[2], v)];
