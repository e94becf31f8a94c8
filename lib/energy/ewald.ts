import { type Lattice, inverseLattice, latticeVolume } from "../structure/lattice";
import { type Mat3, type Vec3, cross, norm, transpose, vecMat } from "../structure/vector";
import { erfc } from "./erfc";

/** e²/(4πε₀) in eV·Å (CODATA 2018). */
export const COULOMB_EV_A = 14.399645;

export interface EwaldOptions {
  /**
   * Target relative accuracy of each of the real- and reciprocal-space sums: both series are cut
   * where their Gaussian tails fall below this (erfc(η·r_c) ≈ exp(−G_c²/4η²) ≈ accuracy). Default 1e-10.
   */
  accuracy?: number;
  /** Splitting parameter η in Å⁻¹ (real-space terms go as erfc(η·r)/r). Chosen from the cell when omitted. */
  eta?: number;
}

export interface EwaldResult {
  /** Total electrostatic energy of the cell, eV, including the neutralising-background term. */
  totalEv: number;
  /** Per-site energies, eV: ½·q_i·φ_i plus that site's share q_i·Q/Q² of the background term; they sum to totalEv. */
  siteEnergiesEv: number[];
  /** Electrostatic potential at each site from all other charges (and their images), V (= eV/e). */
  sitePotentialsV: number[];
  eta: number;
  realCutoffA: number;
  recipCutoffInvA: number;
}

interface EwaldSetup {
  eta: number;
  realCutoff: number;
  recipCutoff: number;
  volume: number;
  /** Half-space G vectors (one of each ±G pair), flattened x,y,z. */
  gVectors: Float64Array;
  /** (4π/V)·exp(−G²/4η²)/G² for each stored G, already doubled for the omitted −G. */
  gWeights: Float64Array;
  /** Integer image ranges that cover every point within realCutoff of a cell point. */
  imageRange: [number, number, number];
  /** Inverse lattice, to reduce displacements to the nearest image before looping over images. */
  inverse: Mat3;
}

/**
 * Chooses η and both cutoffs. η = √π·(N/V²)^{1/6} balances the work of the two sums
 * (N·N_real ∝ N²η⁻³/V against N·N_G ∝ N·Vη³); the cutoffs then follow from the accuracy:
 * r_c = √(−ln ε)/η, G_c = 2η√(−ln ε).
 */
function setupEwald(lattice: Lattice, nSites: number, options: EwaldOptions): EwaldSetup {
  const volume = latticeVolume(lattice);
  const accuracy = options.accuracy ?? 1e-10;
  const p = Math.sqrt(-Math.log(accuracy));
  const eta = options.eta ?? Math.sqrt(Math.PI) * Math.pow(Math.max(nSites, 1) / (volume * volume), 1 / 6);
  const realCutoff = p / eta;
  const recipCutoff = 2 * eta * p;

  // Reciprocal basis rows b_i with a_i·b_j = 2π δ_ij.
  const inv = inverseLattice(lattice);
  const recip = transpose(inv).map((r) => r.map((x) => 2 * Math.PI * x)) as Mat3;
  // Plane spacings: the number of cells needed along a_i to reach r is r·|b_i|/(2π).
  const imageRange = [0, 1, 2].map((i) => Math.ceil((realCutoff * norm(recip[i])) / (2 * Math.PI)) + 1) as [number, number, number];
  const gRange = [0, 1, 2].map((i) => Math.ceil((recipCutoff * norm(lattice[i])) / (2 * Math.PI))) as [number, number, number];

  const gs: number[] = [];
  const ws: number[] = [];
  const fourEta2 = 4 * eta * eta;
  for (let h = 0; h <= gRange[0]; h++) {
    for (let k = -gRange[1]; k <= gRange[1]; k++) {
      for (let l = -gRange[2]; l <= gRange[2]; l++) {
        // Keep one of each ±G pair: the first non-zero index is positive.
        if (h === 0 && (k < 0 || (k === 0 && l <= 0))) continue;
        const gx = h * recip[0][0] + k * recip[1][0] + l * recip[2][0];
        const gy = h * recip[0][1] + k * recip[1][1] + l * recip[2][1];
        const gz = h * recip[0][2] + k * recip[1][2] + l * recip[2][2];
        const g2 = gx * gx + gy * gy + gz * gz;
        if (g2 > recipCutoff * recipCutoff) continue;
        gs.push(gx, gy, gz);
        ws.push(((2 * 4 * Math.PI) / volume) * (Math.exp(-g2 / fourEta2) / g2));
      }
    }
  }
  return { eta, realCutoff, recipCutoff, volume, gVectors: Float64Array.from(gs), gWeights: Float64Array.from(ws), imageRange, inverse: inv };
}

/** Structure factors S(G) = Σ_j q_j·exp(iG·r_j) as cosine and sine parts. */
function structureFactors(setup: EwaldSetup, cart: Vec3[], charges: number[]): { re: Float64Array; im: Float64Array } {
  const nG = setup.gWeights.length;
  const re = new Float64Array(nG);
  const im = new Float64Array(nG);
  const g = setup.gVectors;
  for (let j = 0; j < cart.length; j++) {
    const q = charges[j];
    if (q === 0) continue;
    const [x, y, z] = cart[j];
    for (let n = 0; n < nG; n++) {
      const phase = g[3 * n] * x + g[3 * n + 1] * y + g[3 * n + 2] * z;
      re[n] += q * Math.cos(phase);
      im[n] += q * Math.sin(phase);
    }
  }
  return { re, im };
}

/** Displacement reduced to fractional components in [−½, ½], so the fixed image range covers the cutoff. */
function nearestImage(lattice: Lattice, inverse: Mat3, d: Vec3): Vec3 {
  const f = vecMat(d, inverse).map((x) => x - Math.round(x)) as Vec3;
  return vecMat(f, lattice);
}

/**
 * Potential at site i from all other charges, in units of e/Å (multiply by COULOMB_EV_A for V),
 * without the background term: real-space + reciprocal-space − self.
 */
function sitePotential(
  setup: EwaldSetup,
  lattice: Lattice,
  cart: Vec3[],
  charges: number[],
  sf: { re: Float64Array; im: Float64Array },
  i: number,
): number {
  const { eta, realCutoff, imageRange } = setup;
  const rc2 = realCutoff * realCutoff;
  const [ri, rj, rk] = imageRange;
  const [a, b, c] = lattice;
  let real = 0;
  const [xi, yi, zi] = cart[i];
  for (let j = 0; j < cart.length; j++) {
    const q = charges[j];
    if (q === 0) continue;
    const [dx0, dy0, dz0] = nearestImage(lattice, setup.inverse, [cart[j][0] - xi, cart[j][1] - yi, cart[j][2] - zi]);
    for (let u = -ri; u <= ri; u++) {
      for (let v = -rj; v <= rj; v++) {
        for (let w = -rk; w <= rk; w++) {
          const dx = dx0 + u * a[0] + v * b[0] + w * c[0];
          const dy = dy0 + u * a[1] + v * b[1] + w * c[1];
          const dz = dz0 + u * a[2] + v * b[2] + w * c[2];
          const r2 = dx * dx + dy * dy + dz * dz;
          if (r2 > rc2 || r2 < 1e-20) continue;
          const r = Math.sqrt(r2);
          real += (q * erfc(eta * r)) / r;
        }
      }
    }
  }
  let recipSum = 0;
  const g = setup.gVectors;
  const w = setup.gWeights;
  const [x, y, z] = cart[i];
  for (let n = 0; n < w.length; n++) {
    const phase = g[3 * n] * x + g[3 * n + 1] * y + g[3 * n + 2] * z;
    recipSum += w[n] * (Math.cos(phase) * sf.re[n] + Math.sin(phase) * sf.im[n]);
  }
  // The reciprocal sum includes site i's own Gaussian; the self term removes it.
  const self = (2 * eta * charges[i]) / Math.sqrt(Math.PI);
  return real + recipSum - self;
}

/** Makes sure the cell geometry is sound before summing: a degenerate lattice would loop forever. */
function checkInput(lattice: Lattice, cart: Vec3[], charges: number[]): void {
  if (cart.length !== charges.length) throw new Error("ewald: positions and charges differ in length");
  if (norm(cross(lattice[0], lattice[1])) === 0 || latticeVolume(lattice) < 1e-6) throw new Error("ewald: degenerate lattice");
}

/**
 * Ewald summation of point charges in a periodic cell (Cartesian positions in Å, charges in e).
 * The real-space sum runs over all images within the cutoff, the reciprocal sum over G within
 * its cutoff (half space, doubled), minus the self term; a charged cell gets the energy of a
 * uniform neutralising background, −π·Q²/(2V·η²) (the G = 0 limit), which makes the total
 * independent of η.
 */
export function ewaldSum(lattice: Lattice, cart: Vec3[], charges: number[], options: EwaldOptions = {}): EwaldResult {
  checkInput(lattice, cart, charges);
  const setup = setupEwald(lattice, cart.length, options);
  const sf = structureFactors(setup, cart, charges);
  const totalCharge = charges.reduce((s, q) => s + q, 0);
  const background = (-Math.PI * totalCharge) / (2 * setup.volume * setup.eta * setup.eta);
  const sitePotentialsV: number[] = [];
  const siteEnergiesEv: number[] = [];
  for (let i = 0; i < cart.length; i++) {
    const phi = sitePotential(setup, lattice, cart, charges, sf, i);
    sitePotentialsV.push(COULOMB_EV_A * phi);
    siteEnergiesEv.push(COULOMB_EV_A * charges[i] * (0.5 * phi + background));
  }
  return {
    totalEv: siteEnergiesEv.reduce((s, e) => s + e, 0),
    siteEnergiesEv,
    sitePotentialsV,
    eta: setup.eta,
    realCutoffA: setup.realCutoff,
    recipCutoffInvA: setup.recipCutoff,
  };
}

/**
 * Ewald energy of one site, eV (same definition as EwaldResult.siteEnergiesEv[index]) at the cost
 * of one row of the real-space sum plus the structure factors: what a moving-ion measure needs
 * for each image of a large supercell.
 */
export function ewaldSiteEnergy(lattice: Lattice, cart: Vec3[], charges: number[], index: number, options: EwaldOptions = {}): number {
  checkInput(lattice, cart, charges);
  const setup = setupEwald(lattice, cart.length, options);
  const sf = structureFactors(setup, cart, charges);
  const totalCharge = charges.reduce((s, q) => s + q, 0);
  const background = (-Math.PI * totalCharge) / (2 * setup.volume * setup.eta * setup.eta);
  const phi = sitePotential(setup, lattice, cart, charges, sf, index);
  return COULOMB_EV_A * charges[index] * (0.5 * phi + background);
}
