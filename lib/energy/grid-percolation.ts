import { PeriodicUnionFind } from "../measures/periodic-union-find";

/** Percolation thresholds of a periodic scalar field, relative to its global minimum. */
export interface PercolationThresholds {
  /** Lowest level (above the minimum) at which some connected region reaches its own image along 1, 2, 3 independent directions; Infinity if never. */
  barrier1dEv: number;
  barrier2dEv: number;
  barrier3dEv: number;
  /** The global minimum of the field. */
  minimumEv: number;
}

/**
 * Energies are sorted as doubles that carry the energy, quantised to this step, in the high bits
 * and the point index in the low bits: a plain numeric sort of a Float64Array (far faster than a
 * comparator sort) then orders points by energy. The quantisation bounds the reported thresholds'
 * error by this step; energies more than QUANTUM·2^(53−indexBits) above the minimum are clamped
 * (they lie far above any barrier of interest).
 */
const QUANTUM_EV = 1e-6;

/**
 * Exact periodic percolation analysis of a field sampled on an n0×n1×n2 grid that spans one unit
 * cell (point (i, j, k) at fractional (i/n0, j/n1, k/n2); index (i·n1 + j)·n2 + k).
 *
 * Points are added in order of increasing value to a union-find whose nodes carry their cell
 * offsets; face neighbours (6-connectivity, wrapping across the cell boundary with an image offset)
 * are joined when both are present. When a join closes a loop with a non-zero net offset, the
 * region reaches its own periodic image along that translation; the rank of all such translations
 * within a component is its percolation dimension. The 1D/2D/3D thresholds are the values of the
 * points whose addition first raised any component's rank to 1, 2 and 3. No supercell, no bisection.
 */
export function gridPercolation(values: Float64Array, shape: [number, number, number]): PercolationThresholds {
  const [n0, n1, n2] = shape;
  const n = n0 * n1 * n2;
  if (values.length !== n) throw new Error(`percolation: ${values.length} values for a ${n0}×${n1}×${n2} grid`);
  if (n === 0) throw new Error("percolation: empty grid");

  let minimum = Infinity;
  for (let p = 0; p < n; p++) if (values[p] < minimum) minimum = values[p];
  if (!Number.isFinite(minimum)) throw new Error("percolation: the field has no finite minimum");

  const order = sortedOrder(values, minimum);
  const present = new Uint8Array(n);
  const uf = new PeriodicUnionFind(n);
  const thresholds = [Infinity, Infinity, Infinity];
  let reached = 0;
  const stride0 = n1 * n2;

  for (let r = 0; r < n && reached < 3; r++) {
    const p = order[r];
    present[p] = 1;
    const i = Math.floor(p / stride0);
    const j = Math.floor(p / n2) % n1;
    const k = p % n2;
    // Each of the 6 face neighbours, with the image offset when the step wraps around the cell.
    for (let dir = 0; dir < 6; dir++) {
      const step = dir & 1 ? -1 : 1;
      const axis = dir >> 1;
      let ii = i, jj = j, kk = k;
      let ox = 0, oy = 0, oz = 0;
      if (axis === 0) {
        ii += step;
        if (ii === n0) { ii = 0; ox = 1; } else if (ii < 0) { ii = n0 - 1; ox = -1; }
      } else if (axis === 1) {
        jj += step;
        if (jj === n1) { jj = 0; oy = 1; } else if (jj < 0) { jj = n1 - 1; oy = -1; }
      } else {
        kk += step;
        if (kk === n2) { kk = 0; oz = 1; } else if (kk < 0) { kk = n2 - 1; oz = -1; }
      }
      const q = ii * stride0 + jj * n2 + kk;
      if (!present[q]) continue;
      uf.union(p, q, ox, oy, oz);
    }
    while (reached < uf.maxRank) thresholds[reached++] = values[p] - minimum;
  }
  return { barrier1dEv: thresholds[0], barrier2dEv: thresholds[1], barrier3dEv: thresholds[2], minimumEv: minimum };
}

/** Point indices in order of increasing value (see QUANTUM_EV). */
function sortedOrder(values: Float64Array, minimum: number): Uint32Array {
  const n = values.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const indexSpan = 2 ** indexBits;
  const maxLevel = Math.floor(2 ** (53 - indexBits)) - 1;
  const keys = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const v = values[p];
    // NaN and +Infinity (a point on top of an ion) go last.
    const level = v - minimum < maxLevel * QUANTUM_EV ? Math.floor((v - minimum) / QUANTUM_EV) : maxLevel;
    keys[p] = level * indexSpan + p;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r++) order[r] = keys[r] % indexSpan;
  return order;
}
