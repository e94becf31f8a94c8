import type { Structure } from "../structure/structure";
import { inverse3 } from "../structure/vector";

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Reference "bond length" of each pair of species: the shortest distance between such atoms in the
 * perfect crystal (periodic images included, searched up to `radiusA`). Chosen over a table of radii
 * because it needs no element data, follows the crystal's own chemistry (oxidation state,
 * coordination) and covers cation–cation and anion–anion pairs too. Pairs never that close fall
 * back to the crystal's shortest distance of any pair, the strictest value that is still physical.
 */
export function shortestPairDistances(s: Structure, radiusA = 6): (a: string, b: string) => number {
  const n = s.sites.length;
  const L = s.lattice;
  const inv = inverse3(L);
  const h = [0, 1, 2].map((k) => Math.hypot(inv[0][k], inv[1][k], inv[2][k]) * radiusA);
  const best = new Map<string, number>();
  let overall = Infinity;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      const fa = s.sites[a].frac, fb = s.sites[b].frac;
      const df = [fb[0] - fa[0], fb[1] - fa[1], fb[2] - fa[2]];
      let min = Infinity;
      for (let x = Math.ceil(-df[0] - h[0]); x <= Math.floor(-df[0] + h[0]); x++) {
        for (let y = Math.ceil(-df[1] - h[1]); y <= Math.floor(-df[1] + h[1]); y++) {
          for (let z = Math.ceil(-df[2] - h[2]); z <= Math.floor(-df[2] + h[2]); z++) {
            const u = df[0] + x, v = df[1] + y, w = df[2] + z;
            const cx = u * L[0][0] + v * L[1][0] + w * L[2][0];
            const cy = u * L[0][1] + v * L[1][1] + w * L[2][1];
            const cz = u * L[0][2] + v * L[1][2] + w * L[2][2];
            const d = Math.sqrt(cx * cx + cy * cy + cz * cz);
            if (d > 1e-6 && d < min) min = d;
          }
        }
      }
      if (min > radiusA) continue;
      const k = pairKey(s.sites[a].species, s.sites[b].species);
      if (!(min >= (best.get(k) ?? Infinity))) best.set(k, min);
      overall = Math.min(overall, min);
    }
  }
  if (!Number.isFinite(overall)) throw new Error(`no two atoms within ${radiusA} Å: cannot define bond lengths`);
  return (a, b) => best.get(pairKey(a, b)) ?? overall;
}
