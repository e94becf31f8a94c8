import { bvPair, ionData } from "../bond-valence";
import { type Lattice, fracToCart, inverseLattice } from "../structure/lattice";
import type { Structure } from "../structure/structure";
import { type Mat3, type Vec3, norm, transpose } from "../structure/vector";
import { erfc, erfcFast } from "./erfc";
import { COULOMB_EV_A } from "./ewald";

/**
 * Bond-valence site energy (BVSE) of a test ion A in a fixed crystal, as in softBV
 * (Chen & Adams, IUCrJ 4, 614 (2017); Chen, Wong & Adams, Acta Cryst. B 75, 18 (2019)):
 *
 *   E(r) = Σ_X (D0/2)·{[exp(α(Rmin − R)) − 1]² − 1}                       counter-ions X, R < Rcutoff(A,X)
 *        + Σ_B 14.399645·q_A·q_B/R · erfc(R / (f·(r_A + r_B)))               same-sign ions B, R < 10 Å
 *
 * with q = V/√n (formal valence over √principal quantum number), r the softBV Coulomb radius rc,
 * f = 0.74. D0/2 is the well depth, as in the open implementations of the method.
 */
export interface BvseFieldOptions {
  /** Element of the moving ion, e.g. "F". */
  mobileSpecies: string;
  /** Its formal charge, e.g. −1. */
  mobileOxidationState: number;
  /**
   * "framework" (default): every site of the mobile species is removed; the test ion feels only the
   * rest of the crystal. "vacancy-hop": all sites stay except `emptySites`.
   */
  mode?: "framework" | "vacancy-hop";
  /**
   * Vacancy-hop only: sites that are empty during the hop, i.e. the moving ion's own starting site
   * and, for a vacancy mechanism, the vacant site it moves into. Other mobile ions stay as repulsive
   * same-sign centres.
   */
  emptySites?: number[];
  /** Cutoff of the screened Coulomb repulsion, Å (default 10, as in softBV). */
  coulombCutoffA?: number;
  /** Screening factor f of the Coulomb term (default 0.74). */
  screeningFactor?: number;
  /** Edge of the neighbour-list bins, Å (default 1). Smaller bins: shorter lists, more memory. */
  binSizeA?: number;
}

const MORSE_STRIDE = 7; // x, y, z, Rmin, alpha, D0/2, Rcutoff²
const COULOMB_STRIDE = 7; // x, y, z, 14.4·qA·qB, 1/(f·(rA + rB)), cutoff², offset of the pair's table
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/**
 * On grids the screened Coulomb term is read from a table in R² (no square root, no exp), linearly
 * interpolated: with a step of 0.005 Å² the error is about 3e-6 eV at R = 1.5 Å and falls as R⁻⁵;
 * closer than 1.5 Å (far up the repulsive wall) the formula is evaluated exactly. Point evaluations
 * (energyAt, gradients for NEB) always use the formula.
 */
const TABLE_STEP_A2 = 0.005;
const TABLE_MIN_R2 = 2.25;

interface Centre {
  frac: Vec3;
  morse?: [number, number, number, number];
  coulomb?: [prefactor: number, invScreen: number, cutoff: number];
}

/**
 * A BVSE energy field, built once per structure and mode. Each ion image that can reach a bin of the
 * unit cell (within its cutoff plus the bin's radius) is listed for that bin, so an evaluation wraps
 * the point into the cell, finds its bin and sums over a short, contiguous Float64Array.
 */
export class BvseField {
  readonly lattice: Lattice;
  private readonly inverse: Mat3;
  private readonly bins: [number, number, number];
  private readonly morseStart: Int32Array;
  private readonly morse: Float64Array;
  private readonly coulombStart: Int32Array;
  private readonly coulomb: Float64Array;
  /** Screened Coulomb energy against R² for each distinct (prefactor, screening) pair, concatenated. */
  private readonly coulombTable: Float64Array;

  constructor(structure: Structure, options: BvseFieldOptions) {
    this.lattice = structure.lattice;
    this.inverse = inverseLattice(structure.lattice);
    const centres = bvseCentres(structure, options);
    const binSize = options.binSizeA ?? 1;
    // Thickness of the cell along each axis: the spacing of the lattice planes (1/|b_i*|).
    const recip = transpose(this.inverse);
    const thickness = recip.map((r) => 1 / norm(r)) as Vec3;
    this.bins = thickness.map((t) => Math.max(1, Math.floor(t / binSize))) as [number, number, number];
    const binRadius = parallelepipedHalfDiagonal(this.lattice, this.bins);
    const built = buildBinLists(this.lattice, thickness, this.bins, binRadius, centres);
    this.morseStart = built.morseStart;
    this.morse = built.morse;
    this.coulombStart = built.coulombStart;
    this.coulomb = built.coulomb;
    this.coulombTable = built.coulombTable;
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
    const [b0, b1, b2] = this.bins;
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
          out[idx++] = this.sumBin((u * b1 + v) * b2 + w, x, y, z, null, true);
        }
      }
    }
    return out;
  }

  private evaluate(point: Vec3, gradient: Float64Array | null): number {
    const inv = this.inverse;
    const f = [0, 1, 2].map((i) => point[0] * inv[0][i] + point[1] * inv[1][i] + point[2] * inv[2][i]);
    const shift = f.map(Math.floor);
    const wrapped = f.map((x, i) => x - shift[i]);
    const [x, y, z] = fracToCart(this.lattice, wrapped as Vec3);
    const bin = wrapped.map((x, i) => Math.min(this.bins[i] - 1, Math.floor(x * this.bins[i])));
    return this.sumBin((bin[0] * this.bins[1] + bin[1]) * this.bins[2] + bin[2], x, y, z, gradient, false);
  }

  /**
   * Sum over one bin's lists at a point inside that bin; adds dE/dr into `gradient` when given.
   * `tabulated` reads the Coulomb term from the R² tables (grids only).
   */
  private sumBin(bin: number, x: number, y: number, z: number, gradient: Float64Array | null, tabulated: boolean): number {
    let energy = 0;
    const m = this.morse;
    for (let e = this.morseStart[bin]; e < this.morseStart[bin + 1]; e += MORSE_STRIDE) {
      const dx = x - m[e], dy = y - m[e + 1], dz = z - m[e + 2];
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 >= m[e + 6]) continue;
      const r = Math.sqrt(r2);
      const alpha = m[e + 4], half = m[e + 5];
      const ex = Math.exp(alpha * (m[e + 3] - r));
      energy += half * ex * (ex - 2); // (D0/2)·[(e − 1)² − 1]
      if (gradient && r > 0) {
        const dEdr = (-2 * alpha * half * ex * (ex - 1)) / r;
        gradient[0] += dEdr * dx;
        gradient[1] += dEdr * dy;
        gradient[2] += dEdr * dz;
      }
    }
    const c = this.coulomb;
    if (tabulated) {
      const table = this.coulombTable;
      for (let e = this.coulombStart[bin]; e < this.coulombStart[bin + 1]; e += COULOMB_STRIDE) {
        const dx = x - c[e], dy = y - c[e + 1], dz = z - c[e + 2];
        const r2 = dx * dx + dy * dy + dz * dz;
        if (r2 >= c[e + 5]) continue;
        if (r2 < TABLE_MIN_R2) {
          if (r2 === 0) return Infinity;
          const r = Math.sqrt(r2);
          energy += (c[e + 3] * erfcFast(c[e + 4] * r)) / r;
          continue;
        }
        const t = r2 / TABLE_STEP_A2;
        const k = Math.floor(t);
        const o = c[e + 6] + k;
        energy += table[o] + (t - k) * (table[o + 1] - table[o]);
      }
      return energy;
    }
    for (let e = this.coulombStart[bin]; e < this.coulombStart[bin + 1]; e += COULOMB_STRIDE) {
      const dx = x - c[e], dy = y - c[e + 1], dz = z - c[e + 2];
      const r2 = dx * dx + dy * dy + dz * dz;
      if (r2 >= c[e + 5]) continue;
      if (r2 === 0) return Infinity;
      const r = Math.sqrt(r2);
      const s = c[e + 4] * r;
      const erfcS = erfcFast(s);
      energy += (c[e + 3] * erfcS) / r;
      if (gradient) {
        const dEdr = -c[e + 3] * (TWO_OVER_SQRT_PI * c[e + 4] * Math.exp(-s * s) * r + erfcS) / r2;
        gradient[0] += (dEdr * dx) / r;
        gradient[1] += (dEdr * dy) / r;
        gradient[2] += (dEdr * dz) / r;
      }
    }
    return energy;
  }
}

/** Half of the longest diagonal of one bin (a parallelepiped with edges a/n0, b/n1, c/n2). */
function parallelepipedHalfDiagonal(lattice: Lattice, bins: [number, number, number]): number {
  let best = 0;
  for (const s1 of [-1, 1]) {
    for (const s2 of [-1, 1]) {
      const d = [0, 1, 2].map((k) => lattice[0][k] / bins[0] + (s1 * lattice[1][k]) / bins[1] + (s2 * lattice[2][k]) / bins[2]);
      best = Math.max(best, Math.hypot(d[0], d[1], d[2]) / 2);
    }
  }
  return best;
}

/** The interaction centres of the field in fractional coordinates wrapped into the cell, with their parameters. */
function bvseCentres(structure: Structure, options: BvseFieldOptions): Centre[] {
  const { mobileSpecies, mobileOxidationState: vA } = options;
  if (!Number.isInteger(vA) || vA === 0) throw new Error(`bvse: the mobile ion needs a non-zero integer charge, got ${vA}`);
  const mode = options.mode ?? "framework";
  const empty = new Set(options.emptySites ?? []);
  if (mode === "framework" && empty.size) throw new Error("bvse: emptySites applies to vacancy-hop mode only");
  const ionA = ionData(mobileSpecies, vA);
  const screening = options.screeningFactor ?? 0.74;
  const coulombCutoff = options.coulombCutoffA ?? 10;
  const centres: Centre[] = [];
  structure.sites.forEach((site, index) => {
    if (mode === "framework" ? site.species === mobileSpecies : empty.has(index)) return;
    const v = site.oxidationState;
    if (v === undefined) throw new Error(`bvse: site ${index} (${site.species}) has no oxidation state; assign them first`);
    if (v === 0) return;
    const frac = site.frac.map((x) => x - Math.floor(x)) as Vec3;
    if (Math.sign(v) !== Math.sign(vA)) {
      const p = vA > 0 ? bvPair(mobileSpecies, vA, site.species, v) : bvPair(site.species, v, mobileSpecies, vA);
      centres.push({ frac, morse: [p.rMinA, p.alphaPerA, p.d0Ev / 2, p.rCutoffA] });
    } else {
      const ionB = ionData(site.species, v);
      const prefactor = (COULOMB_EV_A * vA * v) / Math.sqrt(ionA.nPrincipal * ionB.nPrincipal);
      centres.push({ frac, coulomb: [prefactor, 1 / (screening * (ionA.rcA + ionB.rcA)), coulombCutoff] });
    }
  });
  return centres;
}

/**
 * For every bin, the images of the centres within (cutoff + bin radius) of the bin centre, in
 * compressed rows: the entries of bin k are [start[k], start[k + 1]).
 */
function buildBinLists(lattice: Lattice, thickness: Vec3, bins: [number, number, number], binRadius: number, centres: Centre[]) {
  const nBins = bins[0] * bins[1] * bins[2];
  const tables = coulombTables(centres);
  const morseLists: number[][] = Array.from({ length: nBins }, () => []);
  const coulombLists: number[][] = Array.from({ length: nBins }, () => []);
  for (const centre of centres) {
    const cutoff = centre.morse ? centre.morse[3] : centre.coulomb![2];
    const reach = cutoff + binRadius;
    const reachFrac = thickness.map((t) => reach / t);
    // Images whose plane distance to the cell [0, 1)³ is within reach along every axis.
    const lo = centre.frac.map((f, i) => Math.floor(-f - reachFrac[i]));
    const hi = centre.frac.map((f, i) => Math.ceil(1 - f + reachFrac[i]));
    for (let n0 = lo[0]; n0 <= hi[0]; n0++) {
      for (let n1 = lo[1]; n1 <= hi[1]; n1++) {
        for (let n2 = lo[2]; n2 <= hi[2]; n2++) {
          const g: Vec3 = [centre.frac[0] + n0, centre.frac[1] + n1, centre.frac[2] + n2];
          const cart = fracToCart(lattice, g);
          const uLo = g.map((x, i) => Math.max(0, Math.floor((x - reachFrac[i]) * bins[i])));
          const uHi = g.map((x, i) => Math.min(bins[i] - 1, Math.floor((x + reachFrac[i]) * bins[i])));
          for (let u = uLo[0]; u <= uHi[0]; u++) {
            for (let v = uLo[1]; v <= uHi[1]; v++) {
              for (let w = uLo[2]; w <= uHi[2]; w++) {
                const mid = fracToCart(lattice, [(u + 0.5) / bins[0], (v + 0.5) / bins[1], (w + 0.5) / bins[2]]);
                const d = Math.hypot(cart[0] - mid[0], cart[1] - mid[1], cart[2] - mid[2]);
                if (d > reach) continue;
                const bin = (u * bins[1] + v) * bins[2] + w;
                if (centre.morse) {
                  const [rMin, alpha, half, cut] = centre.morse;
                  morseLists[bin].push(cart[0], cart[1], cart[2], rMin, alpha, half, cut * cut);
                } else {
                  const [prefactor, invScreen, cut] = centre.coulomb!;
                  coulombLists[bin].push(cart[0], cart[1], cart[2], prefactor, invScreen, cut * cut, tables.offsetOf(centre.coulomb!));
                }
              }
            }
          }
        }
      }
    }
  }
  const flatten = (lists: number[][]) => {
    const start = new Int32Array(nBins + 1);
    for (let k = 0; k < nBins; k++) start[k + 1] = start[k] + lists[k].length;
    const data = new Float64Array(start[nBins]);
    lists.forEach((l, k) => data.set(l, start[k]));
    return { start, data };
  };
  const m = flatten(morseLists);
  const c = flatten(coulombLists);
  return { morseStart: m.start, morse: m.data, coulombStart: c.start, coulomb: c.data, coulombTable: tables.values };
}

/** One R² table of the screened Coulomb energy per distinct parameter triple (see TABLE_STEP_A2). */
function coulombTables(centres: Centre[]) {
  const offsets = new Map<string, number>();
  const chunks: Float64Array[] = [];
  let length = 0;
  const key = (p: number[]) => p.join("|");
  for (const { coulomb } of centres) {
    if (!coulomb || offsets.has(key(coulomb))) continue;
    const [prefactor, invScreen, cutoff] = coulomb;
    // Two points beyond the cutoff so that interpolation just below it stays inside the table.
    const n = Math.ceil((cutoff * cutoff) / TABLE_STEP_A2) + 2;
    const t = new Float64Array(n);
    for (let k = 1; k < n; k++) {
      const r = Math.sqrt(k * TABLE_STEP_A2);
      t[k] = (prefactor * erfc(invScreen * r)) / r;
    }
    offsets.set(key(coulomb), length);
    chunks.push(t);
    length += n;
  }
  const values = new Float64Array(length);
  let at = 0;
  for (const t of chunks) {
    values.set(t, at);
    at += t.length;
  }
  return { values, offsetOf: (c: number[]) => offsets.get(key(c))! };
}
