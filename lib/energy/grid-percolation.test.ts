import { describe, expect, it } from "vitest";
import { gridPercolation } from "./grid-percolation";

function sample(shape: [number, number, number], f: (x: number, y: number, z: number) => number): Float64Array {
  const [n0, n1, n2] = shape;
  const out = new Float64Array(n0 * n1 * n2);
  for (let i = 0; i < n0; i++) for (let j = 0; j < n1; j++) for (let k = 0; k < n2; k++) out[(i * n1 + j) * n2 + k] = f(i / n0, j / n1, k / n2);
  return out;
}

const c = (t: number) => Math.cos(2 * Math.PI * t);

describe("gridPercolation: analytic fields", () => {
  it("separable cosines: thresholds are the amplitudes' sums, 2·A_x, 2·A_y, 2·A_z", () => {
    // E = cos 2πx + 2 cos 2πy + 3 cos 2πz: minimum −6 at (½,½,½). Crossing the plane x = 0 costs at
    // least 1 − 2 − 3 = −4 (barrier 2); y = 0 costs 4, z = 0 costs 6. The grid contains both planes.
    const t = gridPercolation(sample([20, 24, 30], (x, y, z) => c(x) + 2 * c(y) + 3 * c(z)), [20, 24, 30]);
    expect(t.minimumEv).toBeCloseTo(-6, 12);
    expect(t.barrier1dEv).toBeCloseTo(2, 5);
    expect(t.barrier2dEv).toBeCloseTo(4, 5);
    expect(t.barrier3dEv).toBeCloseTo(6, 5);
  });

  it("a layered field percolates in 2D at once and in 3D across the layers' barrier", () => {
    const t = gridPercolation(sample([6, 7, 16], (_x, _y, z) => 0.5 * c(z)), [6, 7, 16]);
    expect(t.barrier1dEv).toBe(0);
    expect(t.barrier2dEv).toBe(0);
    expect(t.barrier3dEv).toBeCloseTo(1, 5);
  });

  it("a diagonal channel along [111] is 1D at its own floor, not before the walls are crossed for 2D", () => {
    // Low along the line x = y = z (wrapped): distance from the line measured in fractional units.
    const f = (x: number, y: number, z: number) => {
      const d1 = (x - y) - Math.round(x - y), d2 = (y - z) - Math.round(y - z);
      return Math.min(1, 10 * (d1 * d1 + d2 * d2));
    };
    // A face-connected staircase along [111] exists on an n×n×n grid through points with i = j = k
    // and their face neighbours, which lie at (1/n, 0) off the line: value 10/n².
    const t = gridPercolation(sample([10, 10, 10], f), [10, 10, 10]);
    expect(t.barrier1dEv).toBeCloseTo(10 / 100, 9);
    expect(t.barrier2dEv).toBeGreaterThan(t.barrier1dEv);
  });

  it("rejects a value array that does not fit the grid", () => {
    expect(() => gridPercolation(new Float64Array(5), [2, 2, 2])).toThrow();
  });
});

/**
 * Independent reference: for a level L, breadth-first search over the points ≤ L placing each
 * reached point at an absolute (unwrapped) position; every edge that reaches an already placed point
 * at a different unwrapped position yields a translation. The rank of all translations of a component
 * is its dimension (Gaussian elimination over the rationals).
 */
function referenceDimension(values: Float64Array, shape: [number, number, number], level: number): number {
  const [n0, n1, n2] = shape;
  const n = values.length;
  const pos = new Map<number, number[]>();
  let best = 0;
  for (let s = 0; s < n; s++) {
    if (values[s] > level || pos.has(s)) continue;
    const translations: number[][] = [];
    pos.set(s, [0, 0, 0]);
    const queue = [s];
    while (queue.length) {
      const p = queue.shift()!;
      const [i, j, k] = [Math.floor(p / (n1 * n2)), Math.floor(p / n2) % n1, p % n2];
      const base = pos.get(p)!;
      for (const [di, dj, dk] of [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]]) {
        const ui = i + di, uj = j + dj, uk = k + dk;
        const wi = ((ui % n0) + n0) % n0, wj = ((uj % n1) + n1) % n1, wk = ((uk % n2) + n2) % n2;
        const cell = [base[0] + (ui - wi) / n0, base[1] + (uj - wj) / n1, base[2] + (uk - wk) / n2];
        const q = (wi * n1 + wj) * n2 + wk;
        if (values[q] > level) continue;
        const known = pos.get(q);
        if (!known) {
          pos.set(q, cell);
          queue.push(q);
        } else if (known.some((v, a) => v !== cell[a])) {
          translations.push(cell.map((v, a) => v - known[a]));
        }
      }
    }
    best = Math.max(best, rank(translations));
  }
  return best;
}

function rank(vectors: number[][]): number {
  const m = vectors.map((v) => [...v]);
  let r = 0;
  for (let col = 0; col < 3 && r < m.length; col++) {
    const pivot = m.findIndex((row, idx) => idx >= r && Math.abs(row[col]) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let idx = 0; idx < m.length; idx++) {
      if (idx === r) continue;
      const f = m[idx][col] / m[r][col];
      for (let a = 0; a < 3; a++) m[idx][a] -= f * m[r][a];
    }
    r++;
  }
  return r;
}

describe("gridPercolation agrees with a breadth-first reference on random fields", () => {
  // A seeded linear congruential generator, so that a failure can be reproduced.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it.each([0, 1, 2, 3, 4, 5])("random field #%i", () => {
    const shape: [number, number, number] = [3 + Math.floor(random() * 3), 3 + Math.floor(random() * 3), 2 + Math.floor(random() * 4)];
    const values = Float64Array.from({ length: shape[0] * shape[1] * shape[2] }, () => random());
    const t = gridPercolation(values, shape);
    const min = Math.min(...values);
    const levels = [...new Set(values)].sort((a, b) => a - b);
    const expected = [1, 2, 3].map((d) => {
      const l = levels.find((lv) => referenceDimension(values, shape, lv) >= d);
      return l === undefined ? Infinity : l - min;
    });
    // Thresholds are reported to the sorting quantum of 1e-6.
    expect(Math.abs(t.barrier1dEv - expected[0])).toBeLessThan(2e-6);
    expect(Math.abs(t.barrier2dEv - expected[1])).toBeLessThan(2e-6);
    expect(Math.abs(t.barrier3dEv - expected[2])).toBeLessThan(2e-6);
  });
});
