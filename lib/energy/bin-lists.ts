import { type Lattice, inverseLattice } from "../structure/lattice";
import { type Vec3, norm, transpose } from "../structure/vector";

/**
 * The unit cell cut into n0×n1×n2 parallelepiped bins along the lattice vectors. For each bin the
 * periodic images of interaction centres that can reach any point of it are listed contiguously, so
 * that a sum over neighbours within a cutoff reads one short slice of a typed array.
 */
export interface BinGrid {
  lattice: Lattice;
  bins: [number, number, number];
  /** Spacing of the lattice planes along each axis, Å. */
  thickness: Vec3;
  /** Largest distance from a bin's centre to its corners, Å. */
  binRadius: number;
  /** Cartesian bin centres, x, y, z per bin, bin index (u·n1 + v)·n2 + w. */
  centres: Float64Array;
}

/**
 * Bins of about `binSizeA` per axis, coarsened uniformly when there would be more than `maxBins`
 * (the lists' memory grows with the number of bins times the neighbours within the cutoff).
 */
export function binGrid(lattice: Lattice, binSizeA: number, maxBins: number): BinGrid {
  const thickness = transpose(inverseLattice(lattice)).map((r) => 1 / norm(r)) as Vec3;
  let size = binSizeA;
  let bins = thickness.map((t) => Math.max(1, Math.floor(t / size))) as [number, number, number];
  while (bins[0] * bins[1] * bins[2] > maxBins) {
    size *= 1.25;
    bins = thickness.map((t) => Math.max(1, Math.floor(t / size))) as [number, number, number];
  }
  const n = bins[0] * bins[1] * bins[2];
  const centres = new Float64Array(3 * n);
  for (let u = 0; u < bins[0]; u++) {
    for (let v = 0; v < bins[1]; v++) {
      for (let w = 0; w < bins[2]; w++) {
        const f = [(u + 0.5) / bins[0], (v + 0.5) / bins[1], (w + 0.5) / bins[2]];
        const o = 3 * ((u * bins[1] + v) * bins[2] + w);
        for (let k = 0; k < 3; k++) centres[o + k] = f[0] * lattice[0][k] + f[1] * lattice[1][k] + f[2] * lattice[2][k];
      }
    }
  }
  let binRadius = 0;
  for (const s1 of [-1, 1]) {
    for (const s2 of [-1, 1]) {
      const d = [0, 1, 2].map((k) => lattice[0][k] / bins[0] + (s1 * lattice[1][k]) / bins[1] + (s2 * lattice[2][k]) / bins[2]);
      binRadius = Math.max(binRadius, Math.hypot(d[0], d[1], d[2]) / 2);
    }
  }
  return { lattice, bins, thickness, binRadius, centres };
}

/** A centre to list: fractional position in the cell, cutoff (Å) and a tag stored with each entry. */
export interface ListedCentre {
  frac: Vec3;
  cutoffA: number;
  tag: number;
}

/** Entries x, y, z, tag (stride 4) of the bin k occupy data[4·start[k] … 4·start[k + 1]). */
export interface BinLists {
  start: Int32Array;
  data: Float64Array;
}

/**
 * For every bin, the images of the centres within (cutoff + bin radius) of the bin centre: every
 * image within its cutoff of any point of the bin. Counted first, then filled, so that the only large
 * allocation is the final Float64Array.
 */
export function buildBinLists(grid: BinGrid, centres: ListedCentre[]): BinLists {
  const nBins = grid.bins[0] * grid.bins[1] * grid.bins[2];
  const counts = new Int32Array(nBins + 1);
  forEachListing(grid, centres, (bin) => counts[bin + 1]++);
  for (let k = 0; k < nBins; k++) counts[k + 1] += counts[k];
  const start = counts.slice();
  const data = new Float64Array(4 * start[nBins]);
  const fill = start.slice(0, nBins);
  forEachListing(grid, centres, (bin, x, y, z, tag) => {
    const o = 4 * fill[bin]++;
    data[o] = x;
    data[o + 1] = y;
    data[o + 2] = z;
    data[o + 3] = tag;
  });
  return { start, data };
}

function forEachListing(grid: BinGrid, centres: ListedCentre[], visit: (bin: number, x: number, y: number, z: number, tag: number) => void): void {
  const { lattice, bins, thickness, binRadius, centres: mid } = grid;
  const [a, b, c] = lattice;
  for (const centre of centres) {
    const reach = centre.cutoffA + binRadius;
    const reach2 = reach * reach;
    const reachFrac = thickness.map((t) => reach / t);
    const f = centre.frac.map((x) => x - Math.floor(x));
    // Images whose plane distance to the cell [0, 1)³ is within reach along every axis.
    const lo = f.map((x, i) => Math.floor(-x - reachFrac[i]));
    const hi = f.map((x, i) => Math.ceil(1 - x + reachFrac[i]));
    for (let n0 = lo[0]; n0 <= hi[0]; n0++) {
      for (let n1 = lo[1]; n1 <= hi[1]; n1++) {
        for (let n2 = lo[2]; n2 <= hi[2]; n2++) {
          const g0 = f[0] + n0, g1 = f[1] + n1, g2 = f[2] + n2;
          const x = g0 * a[0] + g1 * b[0] + g2 * c[0];
          const y = g0 * a[1] + g1 * b[1] + g2 * c[1];
          const z = g0 * a[2] + g1 * b[2] + g2 * c[2];
          const u0 = Math.max(0, Math.floor((g0 - reachFrac[0]) * bins[0])), u1 = Math.min(bins[0] - 1, Math.floor((g0 + reachFrac[0]) * bins[0]));
          const v0 = Math.max(0, Math.floor((g1 - reachFrac[1]) * bins[1])), v1 = Math.min(bins[1] - 1, Math.floor((g1 + reachFrac[1]) * bins[1]));
          const w0 = Math.max(0, Math.floor((g2 - reachFrac[2]) * bins[2])), w1 = Math.min(bins[2] - 1, Math.floor((g2 + reachFrac[2]) * bins[2]));
          for (let u = u0; u <= u1; u++) {
            for (let v = v0; v <= v1; v++) {
              for (let w = w0; w <= w1; w++) {
                const bin = (u * bins[1] + v) * bins[2] + w;
                const dx = x - mid[3 * bin], dy = y - mid[3 * bin + 1], dz = z - mid[3 * bin + 2];
                if (dx * dx + dy * dy + dz * dz <= reach2) visit(bin, x, y, z, centre.tag);
              }
            }
          }
        }
      }
    }
  }
}
