import type { Lattice } from "../structure/lattice";
import type { Mat3, Vec3 } from "../structure/vector";
import { cross, det3, dot, inverse3, matMul, norm, vecMat } from "../structure/vector";
import { lllReduce } from "../structure/lll";

/** Integer matrix P (rows: supercell vectors in units of the cell's vectors), supercell = P · lattice. */
export type SupercellMatrix = [Vec3, Vec3, Vec3];

export interface BestSupercell {
  matrix: SupercellMatrix;
  cells: number;
  /** Shortest distance between periodic images of one atom in the supercell, Å. */
  minImageDistanceA: number;
  /** Σ(|v_i|/V^⅓ − 1)² + Σ cos²(angle_ij): 0 for a cube. */
  cubicDeviation: number;
}

/**
 * Lattice vectors no longer than `radiusA`, shortest first. Plain enumeration over the box the
 * plane spacings allow: the lattice is LLL-reduced first, so the box is small; this runs for
 * thousands of candidate sublattices, where building a neighbour index each time would dominate.
 */
function latticeVectorsWithin(lattice: Mat3, radiusA: number): Vec3[] {
  const inv = inverse3(lattice);
  const h = [0, 1, 2].map((k) => Math.floor(Math.hypot(inv[0][k], inv[1][k], inv[2][k]) * radiusA));
  const out: Array<{ v: Vec3; d: number }> = [];
  for (let i = -h[0]; i <= h[0]; i++) {
    for (let j = -h[1]; j <= h[1]; j++) {
      for (let k = -h[2]; k <= h[2]; k++) {
        const v = vecMat([i, j, k], lattice);
        const d = norm(v);
        if (d <= radiusA) out.push({ v, d });
      }
    }
  }
  return out.sort((a, b) => a.d - b.d).map((x) => x.v);
}

/** Rotation-invariant distance from a cube of the same volume (lengths and angles). */
export function cubicDeviation(basis: Mat3): number {
  const side = Math.cbrt(Math.abs(det3(basis)));
  const len = basis.map(norm);
  let dev = 0;
  for (let i = 0; i < 3; i++) dev += (len[i] / side - 1) ** 2;
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) dev += (dot(basis[i], basis[j]) / (len[i] * len[j])) ** 2;
  }
  return dev;
}

/**
 * The shortest vectors that form a basis (the successive minima, which do in three dimensions),
 * with a right-handed sign: the most compact, most nearly orthogonal cell of the lattice.
 */
function shortestBasis(lattice: Mat3): Mat3 {
  const reduced = lllReduce(lattice).lattice;
  const volume = Math.abs(det3(reduced));
  const radius = Math.max(...reduced.map(norm)) * (1 + 1e-9);
  const vecs = latticeVectorsWithin(reduced, radius).filter((v) => norm(v) > 1e-9);
  const chosen: Vec3[] = [];
  for (const v of vecs) {
    if (chosen.length === 0) chosen.push(v);
    else if (chosen.length === 1 && norm(cross(chosen[0], v)) > 1e-6 * norm(v) * norm(chosen[0])) chosen.push(v);
    else if (chosen.length === 2 && Math.abs(Math.abs(det3([chosen[0], chosen[1], v])) - volume) < 1e-6 * volume) {
      chosen.push(v);
      break;
    }
  }
  const basis = (chosen.length === 3 ? chosen : reduced) as Mat3;
  return det3(basis) < 0 ? [basis[0], basis[1], [-basis[2][0], -basis[2][1], -basis[2][2]]] : basis;
}

const PERMUTATIONS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

/**
 * The same supercell written most like a diagonal matrix: of the row orders and signs with a
 * positive determinant, the one with the largest trace (then the lexicographically largest), so
 * 2×2×2 reads [[2,0,0],[0,2,0],[0,0,2]] and not with minus signs.
 */
function presentable(m: SupercellMatrix): SupercellMatrix {
  let best = m;
  let bestKey = "";
  for (const perm of PERMUTATIONS) {
    for (let signs = 0; signs < 8; signs++) {
      const rows = perm.map((r, i) => m[r].map((x) => ((signs >> i) & 1 ? -x : x) + 0)) as SupercellMatrix; // + 0: no -0
      if (det3(rows) <= 0) continue;
      const trace = rows[0][0] + rows[1][1] + rows[2][2];
      const key = [trace + 1000, ...rows.flat().map((x) => x + 1000)].map((x) => String(x).padStart(6, "0")).join(",");
      if (key > bestKey) {
        bestKey = key;
        best = rows;
      }
    }
  }
  return best;
}

/** Shortest nonzero lattice vector is at least `lengthA` long. */
function imagesAtLeast(lattice: Mat3, lengthA: number): boolean {
  return latticeVectorsWithin(lllReduce(lattice).lattice, lengthA * (1 - 1e-9)).length === 1;
}

/** Hermite normal forms of determinant n (lower triangular): every sublattice of index n exactly once. */
function* hermiteForms(n: number, minFirst: number): Generator<Mat3> {
  for (let a = minFirst; a <= n; a++) {
    if (n % a) continue;
    for (let c = 1; c <= n / a; c++) {
      if ((n / a) % c) continue;
      const f = n / a / c;
      // Row operations shift an entry below a pivot by multiples of that pivot: reduce modulo it.
      for (let b = 0; b < a; b++) {
        for (let d = 0; d < a; d++) {
          for (let e = 0; e < c; e++) yield [[a, 0, 0], [b, c, 0], [d, e, f]];
        }
      }
    }
  }
}

/**
 * Smallest, then most nearly cubic, supercell in which periodic images of every atom are at least
 * `minImageDistanceA` apart. Searches all sublattices by index (Hermite normal forms), starting at
 * the index below which no lattice can keep its points that far apart (densest packing, fcc:
 * V ≥ L³/√2) and ending at the latest with the diagonal multiples ⌈L / d_i⌉ of the plane spacings,
 * which always qualify. The basis reported is the compact one of that sublattice.
 */
export function bestSupercell(lattice: Lattice, minImageDistanceA: number): BestSupercell {
  const volume = Math.abs(det3(lattice));
  const inv = inverse3(lattice);
  const spacing = [0, 1, 2].map((k) => 1 / Math.hypot(inv[0][k], inv[1][k], inv[2][k]));
  const diagonal = spacing.reduce((p, d) => p * Math.max(1, Math.ceil(minImageDistanceA / d - 1e-9)), 1);
  const first = Math.max(1, Math.ceil(minImageDistanceA ** 3 / Math.SQRT2 / volume - 1e-9));
  for (let n = Math.min(first, diagonal); n <= diagonal; n++) {
    let best: BestSupercell | null = null;
    // The first row, a times the first cell vector, must itself be long enough.
    for (const h of hermiteForms(n, Math.max(1, Math.ceil(minImageDistanceA / norm(lattice[0]) - 1e-9)))) {
      const cart = matMul(h, lattice);
      // Each row is itself a lattice vector: a cheap rejection before the full search.
      if (cart.some((v) => norm(v) < minImageDistanceA * (1 - 1e-9))) continue;
      if (!imagesAtLeast(cart, minImageDistanceA)) continue;
      const basis = shortestBasis(cart);
      const dev = cubicDeviation(basis);
      if (best && dev >= best.cubicDeviation - 1e-12) continue;
      const matrix = presentable(basis.map((v) => vecMat(v, inv).map(Math.round)) as SupercellMatrix);
      best = { matrix, cells: n, minImageDistanceA: norm(basis[0]), cubicDeviation: dev };
    }
    if (best) return best;
  }
  throw new Error("no supercell found up to the diagonal one, which always qualifies: lattice is degenerate");
}
