import { type Lattice, inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import type { Mat3, Vec3 } from "../structure/vector";
import { type BinGrid, binGrid, buildBinLists } from "./bin-lists";
import { type BvseTermOptions, TABLE_STEP_A2, bvseTerms } from "./bvse-terms";
import { erfcFast } from "./erfc";

/**
 * Bond-valence site energy (BVSE) of a test ion A in a fixed crystal, as in softBV
 * (Chen & Adams, IUCrJ 4, 614 (2017); Chen, Wong & Adams, Acta Cryst. B 75, 18 (2019)):
 *
 *   E(r) = Σ_X (D0/2)·{[exp(α(Rmin − R)) − 1]² − 1}                       counter-ions X, R < Rcutoff(A,X)
 *        + Σ_B 14.399645·q_A·q_B/R · erfc(R / (f·(r_A + r_B)))               same-sign ions B, R < 10 Å
 *
 * with q = V/√n (formal valence over √principal quantum number), r the softBV Coulomb radius rc,
 * f = 0.74; parameters from lib/bond-valence. D0/2 is the well depth, as in the open
 * implementations of the method. Oxidation states are taken from the sites (assign them first).
 */
export interface BvseFieldOptions extends BvseTermOptions {
  /** Edge of the neighbour-list bins, Å (default 1; coarsened for large cells to at most 8192 bins). */
  binSizeA?: number;
}

const MAX_BINS = 8192;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/**
 * On grids the screened Coulomb term is read from a table in R² (no square root, no exp), linearly
 * interpolated: with a step of 0.005 Å² the error is about 3e-6 eV at R = 1.5 Å and falls as R⁻⁵;
 * closer than 1.5 Å (far up the repulsive wall) the formula is evaluated. Point evaluations
 * (energyAt, gradients for NEB) always use the formula.
 */
const TABLE_MIN_R2 = 2.25;

/**
 * A BVSE energy field, built once per structure and mode. Each ion image that can reach a bin of the
 * unit cell (within its cutoff plus the bin's radius) is listed for that bin, so an evaluation wraps
 * the point into the cell, finds its bin and sums over a short, contiguous Float64Array.
 */
export class BvseField {
  readonly lattice: Lattice;
  private readonly inverse: Mat3;
  private readonly grid: BinGrid;
  private readonly morseStart: Int32Array;
  private readonly morse: Float64Array;
  private readonly morseTypes: Float64Array;
  private readonly coulombStart: Int32Array;
  private readonly coulomb: Float64Array;
  private readonly coulombTypes: Float64Array;
  private readonly coulombTable: Float64Array;

  constructor(structure: Structure, options: BvseFieldOptions) {
    this.lattice = structure.lattice;
    this.inverse = inverseLattice(structure.lattice);
    const terms = bvseTerms(structure, options);
    this.grid = binGrid(this.lattice, options.binSizeA ?? 1, MAX_BINS);
    const morse = buildBinLists(this.grid, terms.morseCentres);
    const coulomb = buildBinLists(this.grid, terms.coulombCentres);
    this.morseStart = morse.start;
    this.morse = morse.data;
    this.morseTypes = terms.morseTypes;
    this.coulombStart = coulomb.start;
    this.coulomb = coulomb.data;
    this.coulombTypes = terms.coulombTypes;
    this.coulombTable = terms.coulombTable;
  }

  /** BVSE (eV) of the test ion at a Cartesian point (Å); any image of the point gives the same value. */
  energyAt(point: Vec3): number {
    return this.evaluate(point, null);
  }

  /** Energy (eV) and its analytic gradient (eV/Å) at a Cartesian point. */
  energyAndGradientAt(point: Vec3): { energy: number; gradient: Vec3 } {
    const g = new Float64Array(3);
    const energy = this.evaluate(point, g);
    return { energy, gradient: [g[0], g[1], g[2]] };
  }

  /**
   * Energies on an n0×n1×n2 grid spanning the cell, point (i, j, k) at fractional (i/n0, j/n1, k/n2),
   * stored at index (i·n1 + j)·n2 + k.
   */
  energyGrid(shape: [number, number, number]): Float64Array {
    const [n0, n1, n2] = shape;
    const out = new Float64Array(n0 * n1 * n2);
    const [a, b, c] = this.lattice;
    const [b0, b1, b2] = this.grid.bins;
    let idx = 0;
    for (let i = 0; i < n0; i++) {
      const fi = i / n0;
      const u = Math.min(b0 - 1, Math.floor(fi * b0));
      for (let j = 0; j < n1; j++) {
        const fj = j / n1;
        const v = Math.min(b1 - 1, Math.floor(fj * b1));
        for (let k = 0; k < n2; k++) {
          const fk = k / n2;
          const w = Math.min(b2 - 1, Math.floor(fk * b2));
          const x = fi * a[0] + fj * b[0] + fk * c[0];
          const y = fi * a[1] + fj * b[1] + fk * c[1];
          const z = fi * a[2] + fj * b[2] + fk * c[2];
          const bin = (u * b1 + v) * b2 + w;
          out[idx++] = this.morseSum(bin, x, y, z, null) + this.coulombTabulated(bin, x, y, z);
        }
      }
    }
    return out;
  }

  private evaluate(point: Vec3, gradient: Float64Array | null): number {
    const inv = this.inverse;
    const bins = this.grid.bins;
    const f = [0, 1, 2].map((i) => {
      const x = point[0] * inv[0][i] + point[1] * inv[1][i] + point[2] * inv[2][i];
      return x - Math.floor(x);
    });
    const [a, b, c] = this.lattice;
    const x = f[0] * a[0] + f[1] * b[0] + f[2] * c[0];
    const y = f[0] * a[1] + f[1] * b[1] + f[2] * c[1];
    const z = f[0] * a[2] + f[1] * b[2] + f[2] * c[2];
    const u = f.map((fx, i) => Math.min(bins[i] - 1, Math.floor(fx * bins[i])));
    const bin = (u[0] * bins[1] + u[1]) * bins[2] + u[2];
    return this.morseSum(bin, x, y, z, gradient) + this.coulombExact(bin, x, y, z, gradient);
  }

  /** Morse terms of one bin's list at a point inside the bin; adds dE/dr into `gradient` when given. */
  private morseSum(bin: number, x: number, y: number, z: number, gradient: Float64Array | null): number {
    let energy = 0;
    const m = this.morse;
    const types = this.morseTypes;
    for (let e = 4 * this.morseStart[bin]; e < 4 * this.morseStart[bin + 1]; e += 4) {
      const dx = x - m[e], dy = y - m[e + 1], dz = z - m[e + 2];
      const r2 = dx * dx + dy * dy + dz * dz;
      const t = 4 * m[e + 3];
      if (r2 >= types[t + 3]) continue;
      const r = Math.sqrt(r2);
      const alpha = types[t + 1], half = types[t + 2];
      const ex = Math.exp(alpha * (types[t] - r));
      energy += half * ex * (ex - 2); // (D0/2)·[(e − 1)² − 1]
      if (gradient && r > 0) {
        const dEdr = (-2 * alpha * half * ex * (ex - 1)) / r;
        gradient[0] += dEdr * dx;
        gradient[1] += dEdr * dy;
        gradient[2] += dEdr * dz;
      }
    }
    return energy;
  }

  /** Screened Coulomb terms by the formula, with gradient when asked. */
  private coulombExact(bin: number, x: number, y: number, z: number, gradient: Float64Array | null): number {
    let energy = 0;
    const c = this.coulomb;
    const types = this.coulombTypes;
    for (let e = 4 * this.coulombStart[bin]; e < 4 * this.coulombStart[bin + 1]; e += 4) {
      const dx = x - c[e], dy = y - c[e + 1], dz = z - c[e + 2];
      const r2 = dx * dx + dy * dy + dz * dz;
      const t = 4 * c[e + 3];
      if (r2 >= types[t + 2]) continue;
      if (r2 === 0) return Infinity;
      const r = Math.sqrt(r2);
      const prefactor = types[t], invScreen = types[t + 1];
      const s = invScreen * r;
      const erfcS = erfcFast(s);
      energy += (prefactor * erfcS) / r;
      if (gradient) {
        const dEdr = (-prefactor * (TWO_OVER_SQRT_PI * invScreen * Math.exp(-s * s) * r + erfcS)) / r2;
        gradient[0] += (dEdr * dx) / r;
        gradient[1] += (dEdr * dy) / r;
        gradient[2] += (dEdr * dz) / r;
      }
    }
    return energy;
  }

  /** Screened Coulomb terms from the R² tables (grids). */
  private coulombTabulated(bin: number, x: number, y: number, z: number): number {
    let energy = 0;
    const c = this.coulomb;
    const types = this.coulombTypes;
    const table = this.coulombTable;
    for (let e = 4 * this.coulombStart[bin]; e < 4 * this.coulombStart[bin + 1]; e += 4) {
      const dx = x - c[e], dy = y - c[e + 1], dz = z - c[e + 2];
      const r2 = dx * dx + dy * dy + dz * dz;
      const t = 4 * c[e + 3];
      if (r2 >= types[t + 2]) continue;
      if (r2 < TABLE_MIN_R2) {
        if (r2 === 0) return Infinity;
        const r = Math.sqrt(r2);
        energy += (types[t] * erfcFast(types[t + 1] * r)) / r;
        continue;
      }
      const q = r2 / TABLE_STEP_A2;
      const k = Math.floor(q);
      const o = types[t + 3] + k;
      energy += table[o] + (q - k) * (table[o + 1] - table[o]);
    }
    return energy;
  }
}
