import { perpendicularHeights } from "./lattice";
import { inverseUnimodular, lllReduce } from "./lll";
import type { Structure } from "./structure";
import { type Vec3, vecMat } from "./vector";

/** A neighbour: site `index` translated by the integer lattice vector `image` (original basis). */
export interface Neighbor {
  index: number;
  image: Vec3;
  distanceA: number;
  /** Cartesian vector from the query point to the neighbour, Å. */
  vectorA: Vec3;
}

/** Directed pair: site `j` + `image` lies `distanceA` from site `i` (both as given, unwrapped). */
export interface NeighborPair extends Neighbor {
  center: number;
}

/** Work done by the searches of an index, for checking that it stays linear. */
export interface NeighborStats {
  distanceChecks: number;
  ghosts: number;
}

export interface NeighborIndex {
  cutoffA: number;
  /** Every site image within `radiusA` (≤ cutoff) of a fractional point, nearest first. */
  around(frac: Vec3, radiusA?: number): Neighbor[];
  /** The same search without building a list: `hit` is called per image, in no particular order. */
  visit(frac: Vec3, radiusA: number, hit: (index: number, image: Vec3, distanceA: number, vectorA: Vec3) => void): void;
  stats: NeighborStats;
}

/**
 * A cell list over the structure and the periodic images it needs, for repeated neighbour queries
 * within `cutoffA`.
 *
 * Sites are wrapped into the LLL-reduced cell, whose compact shape keeps the padding small in
 * skewed cells. Every image whose reduced fractional coordinates lie within cutoff/height of the
 * cell is kept ("ghosts"); any point in the cell then finds all neighbours within the cutoff among
 * them. Ghosts are binned on a Cartesian grid with bins no smaller than the cutoff, so a query
 * looks at 27 bins and the work per query does not grow with the number of atoms.
 */
const byDistance = (x: Neighbor, y: Neighbor) => x.distanceA - y.distanceA || x.index - y.index;

export function createNeighborIndex(structure: Structure, cutoffA: number): NeighborIndex {
  if (!(cutoffA > 0)) throw new Error(`neighbour cutoff must be positive, got ${cutoffA}`);
  const { lattice: red, transform } = lllReduce(structure.lattice);
  const toReduced = inverseUnimodular(transform);
  const h = perpendicularHeights(red);
  const pad = h.map((x) => cutoffA / x);

  // Ghost images: site index, image in the original basis, Cartesian position.
  const gSite: number[] = [];
  const gImage: Vec3[] = [];
  const gPos: number[] = [];
  structure.sites.forEach((site, idx) => {
    const f = vecMat(site.frac, toReduced);
    const w = f.map((x) => x - Math.floor(x)) as Vec3;
    const shiftWrap = f.map((x) => Math.floor(x)) as Vec3; // w = f − shiftWrap
    const range = [0, 1, 2].map((i) => [Math.ceil(-pad[i] - w[i]), Math.floor(1 + pad[i] - w[i])]);
    for (let a = range[0][0]; a <= range[0][1]; a++) {
      for (let b = range[1][0]; b <= range[1][1]; b++) {
        for (let c = range[2][0]; c <= range[2][1]; c++) {
          const p = vecMat([w[0] + a, w[1] + b, w[2] + c], red);
          gSite.push(idx);
          // reduced image relative to the site as given: w + (a,b,c) = f + (a,b,c) − shiftWrap
          gImage.push(vecMat([a - shiftWrap[0], b - shiftWrap[1], c - shiftWrap[2]], transform).map((x) => Math.round(x) + 0) as Vec3);
          gPos.push(p[0], p[1], p[2]);
        }
      }
    }
  });
  const n = gSite.length;

  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let g = 0; g < n; g++) {
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], gPos[3 * g + d]);
      hi[d] = Math.max(hi[d], gPos[3 * g + d]);
    }
  }
  const extent = [0, 1, 2].map((d) => Math.max(hi[d] - lo[d], 1e-9));
  // Bins at least the cutoff wide, but not so many that empty bins dominate for tiny cutoffs.
  const bin = Math.max(cutoffA, Math.cbrt((extent[0] * extent[1] * extent[2]) / Math.max(n, 1)));
  const nb = extent.map((e) => Math.floor(e / bin) + 1);
  const binOf = (x: number, d: number) => Math.min(nb[d] - 1, Math.max(0, Math.floor((x - lo[d]) / bin)));
  const cellId = (i: number, j: number, k: number) => (i * nb[1] + j) * nb[2] + k;

  // Counting sort of ghosts into bins (compressed rows): start[b]..start[b+1] index `order`.
  const nBins = nb[0] * nb[1] * nb[2];
  const start = new Int32Array(nBins + 1);
  const ghostBin = new Int32Array(n);
  for (let g = 0; g < n; g++) {
    ghostBin[g] = cellId(binOf(gPos[3 * g], 0), binOf(gPos[3 * g + 1], 1), binOf(gPos[3 * g + 2], 2));
    start[ghostBin[g] + 1]++;
  }
  for (let b = 0; b < nBins; b++) start[b + 1] += start[b];
  const fill = start.slice(0, nBins);
  const order = new Int32Array(n);
  for (let g = 0; g < n; g++) order[fill[ghostBin[g]]++] = g;

  const stats: NeighborStats = { distanceChecks: 0, ghosts: n };

  // Calls `hit` for each ghost within radius of the point; images are relative to `frac` as given.
  const visit = (frac: Vec3, radiusA: number, hit: (site: number, image: Vec3, d: number, v: Vec3) => void) => {
    if (radiusA > cutoffA * (1 + 1e-12)) throw new Error(`radius ${radiusA} Å exceeds the index cutoff ${cutoffA} Å`);
    const f = vecMat(frac, toReduced);
    const s: Vec3 = [Math.floor(f[0]), Math.floor(f[1]), Math.floor(f[2])];
    const p = vecMat([f[0] - s[0], f[1] - s[1], f[2] - s[2]], red);
    // The query was moved by −s (reduced basis); images found are shifted back by s.
    const back = vecMat(s, transform).map((x) => Math.round(x)) as Vec3;
    const c = [0, 1, 2].map((d) => binOf(p[d], d));
    const r2 = radiusA * radiusA;
    for (let i = Math.max(0, c[0] - 1); i <= Math.min(nb[0] - 1, c[0] + 1); i++) {
      for (let j = Math.max(0, c[1] - 1); j <= Math.min(nb[1] - 1, c[1] + 1); j++) {
        for (let k = Math.max(0, c[2] - 1); k <= Math.min(nb[2] - 1, c[2] + 1); k++) {
          const b = cellId(i, j, k);
          for (let t = start[b]; t < start[b + 1]; t++) {
            const g = order[t];
            stats.distanceChecks++;
            const vx = gPos[3 * g] - p[0], vy = gPos[3 * g + 1] - p[1], vz = gPos[3 * g + 2] - p[2];
            const d2 = vx * vx + vy * vy + vz * vz;
            if (d2 <= r2) {
              const im = gImage[g];
              hit(gSite[g], [im[0] + back[0], im[1] + back[1], im[2] + back[2]], Math.sqrt(d2), [vx, vy, vz]);
            }
          }
        }
      }
    }
  };

  const around = (frac: Vec3, radiusA = cutoffA): Neighbor[] => {
    const out: Neighbor[] = [];
    visit(frac, radiusA, (index, image, distanceA, vectorA) => out.push({ index, image, distanceA, vectorA }));
    return out.sort(byDistance);
  };

  return { cutoffA, around, visit, stats };
}

/**
 * All directed neighbour pairs within `cutoffA` (inclusive), periodic images included: both (i, j)
 * and (j, i) appear, as in pymatgen's get_neighbor_list; a site is never its own neighbour at
 * zero translation. Ordered by centre, then distance.
 */
export function neighborPairs(structure: Structure, cutoffA: number, stats?: NeighborStats): NeighborPair[] {
  const index = createNeighborIndex(structure, cutoffA);
  const pairs: NeighborPair[] = [];
  structure.sites.forEach((site, center) => {
    const from = pairs.length;
    index.visit(site.frac, cutoffA, (j, image, distanceA, vectorA) => {
      if (j !== center || image[0] !== 0 || image[1] !== 0 || image[2] !== 0) {
        pairs.push({ center, index: j, image, distanceA, vectorA });
      }
    });
    const mine = pairs.splice(from).sort(byDistance);
    for (const p of mine) pairs.push(p);
  });
  if (stats) {
    stats.distanceChecks += index.stats.distanceChecks;
    stats.ghosts += index.stats.ghosts;
  }
  return pairs;
}

/** Site images within `radiusA` of an arbitrary fractional point, nearest first. */
export const neighborsOfPoint = (structure: Structure, frac: Vec3, radiusA: number): Neighbor[] =>
  createNeighborIndex(structure, radiusA).around(frac);
