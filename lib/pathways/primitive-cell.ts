import type { Lattice } from "../structure/lattice";
import { wrapFrac } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Mat3, Vec3 } from "../structure/vector";
import { det3, inverse3, matMul, vecMat } from "../structure/vector";

/**
 * A primitive cell of a crystal in the same Cartesian frame as the input, and where each input site
 * went: input site s sits at prim site `siteMap[s]` shifted by the integer prim-lattice vector
 * `offsets[s]`. `cellsPerInput` is how many primitive cells the input cell holds.
 */
export interface PrimitiveCell {
  structure: Structure;
  siteMap: number[];
  offsets: Vec3[];
  cellsPerInput: number;
}

const frac = (x: number) => x - Math.round(x);

/** Cartesian length of the shortest image of a small fractional difference. */
function smallDistance(lattice: Lattice, a: Vec3, b: Vec3): number {
  const d = vecMat([frac(a[0] - b[0]), frac(a[1] - b[1]), frac(a[2] - b[2])], lattice);
  return Math.hypot(d[0], d[1], d[2]);
}

/** True when shifting every site by t lands each on a site of the same species. */
function isLatticeTranslation(s: Structure, t: Vec3, tolA: number): boolean {
  return s.sites.every((a) => {
    const moved: Vec3 = [a.frac[0] + t[0], a.frac[1] + t[1], a.frac[2] + t[2]];
    return s.sites.some((b) => b.species === a.species && smallDistance(s.lattice, moved, b.frac) < tolA);
  });
}

/**
 * The pure translations of the crystal that are not lattice vectors of the input cell (fractional,
 * in [0, 1)). Found directly rather than through the space-group library: moyo refuses or corrupts
 * some supercells, and a supercell is exactly the input this must handle.
 */
export function extraTranslations(s: Structure, tolA: number): Vec3[] {
  const counts = new Map<string, number>();
  for (const x of s.sites) counts.set(x.species, (counts.get(x.species) ?? 0) + 1);
  // Candidates only from the rarest species: every translation maps its first atom onto one of them.
  const rarest = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const ref = s.sites.find((x) => x.species === rarest)!;
  const out: Vec3[] = [];
  for (const b of s.sites) {
    if (b === ref || b.species !== rarest) continue;
    const t = wrapFrac([b.frac[0] - ref.frac[0], b.frac[1] - ref.frac[1], b.frac[2] - ref.frac[2]]);
    if (smallDistance(s.lattice, t, [0, 0, 0]) < tolA) continue;
    if (isLatticeTranslation(s, t, tolA)) out.push(t);
  }
  return out;
}

/** Upper-triangular integer basis of the lattice spanned by integer rows (Euclid on each column). */
export function integerBasis(rows: number[][]): Mat3 {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < 3; c++) {
    for (;;) {
      let best = -1;
      for (let i = r; i < m.length; i++) {
        if (m[i][c] !== 0 && (best < 0 || Math.abs(m[i][c]) < Math.abs(m[best][c]))) best = i;
      }
      if (best < 0) throw new Error("translations do not span three dimensions");
      [m[r], m[best]] = [m[best], m[r]];
      let done = true;
      for (let i = r + 1; i < m.length; i++) {
        const q = Math.floor(m[i][c] / m[r][c]);
        if (q !== 0) for (let k = 0; k < 3; k++) m[i][k] -= q * m[r][k];
        if (m[i][c] !== 0) done = false;
      }
      if (done) break;
    }
    if (m[r][c] < 0) m[r] = m[r].map((x) => -x);
    r++;
  }
  return [m[0] as Vec3, m[1] as Vec3, m[2] as Vec3];
}

/**
 * Reduces a crystal to a primitive cell: finds the extra pure translations, builds the lattice they
 * span together with the input lattice, and keeps one atom per translation class. Every space-group
 * operation is then an integer matrix in this cell, which is what makes symmetry-based equivalence
 * independent of the cell the crystal was given in (a 2×1×1 supercell only keeps the operations that
 * preserve its own lattice).
 */
export function primitiveCell(s: Structure, tolA: number): PrimitiveCell {
  const extra = extraTranslations(s, tolA);
  const n = extra.length + 1;
  if (n === 1) {
    return { structure: s, siteMap: s.sites.map((_, i) => i), offsets: s.sites.map(() => [0, 0, 0]), cellsPerInput: 1 };
  }
  // The translation group has order n, so n·t is an integer vector for every translation t.
  const gens = [[n, 0, 0], [0, n, 0], [0, 0, n], ...extra.map((t) => t.map((x) => Math.round(x * n)))];
  const basisInt = integerBasis(gens);
  const cells = Math.round(n ** 3 / Math.abs(det3(basisInt)));
  if (cells !== n) throw new Error(`inconsistent translations: ${n} found, ${cells} cells spanned`);
  const basisFrac = basisInt.map((r) => r.map((x) => x / n)) as Mat3;
  const lattice = matMul(basisFrac, s.lattice);
  const toPrim = inverse3(basisFrac);
  const sites: Site[] = [];
  const siteMap: number[] = [];
  const offsets: Vec3[] = [];
  for (const site of s.sites) {
    const f = vecMat(site.frac, toPrim);
    const w = wrapFrac(f);
    let k = sites.findIndex((p) => p.species === site.species && smallDistance(lattice, p.frac, w) < tolA);
    if (k < 0) {
      k = sites.length;
      sites.push({ ...site, frac: w });
    }
    siteMap.push(k);
    const p = sites[k].frac;
    offsets.push([Math.round(f[0] - p[0]), Math.round(f[1] - p[1]), Math.round(f[2] - p[2])]);
  }
  if (sites.length * n !== s.sites.length) {
    throw new Error(`primitive reduction kept ${sites.length} of ${s.sites.length} atoms for ${n} cells`);
  }
  return { structure: { lattice, sites }, siteMap, offsets, cellsPerInput: n };
}
