import type { Vec3 } from "../structure/vector";
import { cross, norm, scale } from "../structure/vector";
import type { PairList } from "./pair-list";

const BUMP_DIRECTIONS = 24;
const BUMP_STEP_A = 0.1;
const BUMP_MAX_A = 2.5;
/** A bump is good enough once every pair of the ion keeps this multiple of its floor. */
const BUMP_MARGIN = 1.1;

/** Linear interpolation: nImages interior images plus the two end points, flat Cartesian arrays. */
export function linearBand(start: Vec3[], end: Vec3[], nImages: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k <= nImages + 1; k++) {
    const t = k / (nImages + 1);
    const b = new Float64Array(start.length * 3);
    start.forEach((s, a) => {
      for (let c = 0; c < 3; c++) b[3 * a + c] = s[c] + t * (end[a][c] - s[c]);
    });
    out.push(b);
  }
  return out;
}

/** Smallest d / floor over the pairs of atom 0 in the interior images (atom 0 displaced by `offset(t)`). */
function ionWorstRatio(band: Float64Array[], pairs: PairList, floors: Float64Array, ionPairs: number[], offset: (t: number) => Vec3): number {
  let worst = Infinity;
  for (let img = 1; img < band.length - 1; img++) {
    const x = band[img];
    const o = offset(img / (band.length - 1));
    for (const p of ionPairs) {
      const a = 3 * pairs.i[p], b = 3 * pairs.j[p], s = 3 * p;
      // Atom 0 is always the pair's first atom (pairs are listed with i < j).
      const rx = x[b] + pairs.shift[s] - x[a] - o[0];
      const ry = x[b + 1] + pairs.shift[s + 1] - x[a + 1] - o[1];
      const rz = x[b + 2] + pairs.shift[s + 2] - x[a + 2] - o[2];
      worst = Math.min(worst, Math.sqrt(rx * rx + ry * ry + rz * rz) / floors[p]);
    }
  }
  return worst;
}

/**
 * A straight path that runs into an atom (fluorite's hop across a filled cube passes through the
 * cation) is symmetric about the line, so no pair force can ever push the ion off it. Such a band is
 * bent: the moving ion (atom 0) is displaced sideways by A·sin(πt), with the smallest amplitude A,
 * and of those the direction keeping it farthest from everything, that clears all its pairs.
 * Reports whether it bent the band. Directions come from a fixed basis perpendicular to the hop.
 */
export function unblockBand(band: Float64Array[], pairs: PairList, floors: Float64Array): boolean {
  const ionPairs: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (pairs.i[p] === 0) ionPairs.push(p);
  const zero: Vec3 = [0, 0, 0];
  if (ionWorstRatio(band, pairs, floors, ionPairs, () => zero) >= 1) return false;
  const first = band[0], last = band[band.length - 1];
  const hop: Vec3 = [last[0] - first[0], last[1] - first[1], last[2] - first[2]];
  const axis: Vec3 = [0, 1, 2].map((c) => (c === [0, 1, 2].reduce((m, q) => (Math.abs(hop[q]) < Math.abs(hop[m]) ? q : m), 0) ? 1 : 0)) as Vec3;
  const e1 = scale(cross(hop, axis), 1 / norm(cross(hop, axis)));
  const e2 = scale(cross(hop, e1), 1 / norm(cross(hop, e1)));
  let chosen: { dir: Vec3; amp: number; ratio: number } | null = null;
  for (let amp = BUMP_STEP_A; amp <= BUMP_MAX_A + 1e-9 && !(chosen && chosen.ratio >= BUMP_MARGIN); amp += BUMP_STEP_A) {
    for (let q = 0; q < BUMP_DIRECTIONS; q++) {
      const phi = (2 * Math.PI * q) / BUMP_DIRECTIONS;
      const dir: Vec3 = [0, 1, 2].map((c) => Math.cos(phi) * e1[c] + Math.sin(phi) * e2[c]) as Vec3;
      const ratio = ionWorstRatio(band, pairs, floors, ionPairs, (t) => scale(dir, amp * Math.sin(Math.PI * t)));
      if (!chosen || ratio > chosen.ratio + 1e-9) chosen = { dir, amp, ratio };
    }
  }
  if (!chosen) return false;
  for (let img = 1; img < band.length - 1; img++) {
    const s = chosen.amp * Math.sin((Math.PI * img) / (band.length - 1));
    for (let c = 0; c < 3; c++) band[img][c] += s * chosen.dir[c];
  }
  return true;
}
