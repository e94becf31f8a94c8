import type { Vec3 } from "../structure/vector";

/** Anything that gives an energy (eV) and its gradient (eV/Å) at a Cartesian point, e.g. a BvseField. */
export interface EnergySurface {
  energyAndGradientAt(point: Vec3): { energy: number; gradient: Vec3 };
}

export interface NebOptions {
  /** Movable images between the fixed end points when no initial path is given (default 9, at least 1). */
  images?: number;
  /** Initial path including both end points (e.g. IDPP images of the moving ion); overrides `images`. */
  initialPath?: Vec3[];
  /** Spring constant between neighbouring images, eV/Å² (default 5). */
  springConstant?: number;
  /** Climbing image (Henkelman, Uberuaga & Jónsson, J. Chem. Phys. 113, 9901 (2000)); default true. */
  climbingImage?: boolean;
  /** Converged when the largest NEB force on any movable image is below this, eV/Å (default 0.01). */
  forceTolerance?: number;
  /** Optimiser step limit (default 3000). */
  maxSteps?: number;
  /** Largest displacement of one image in one step, Å (default 0.1). */
  maxMoveA?: number;
}

export interface NebResult {
  /** Energies of all images, end points included, eV. */
  energies: number[];
  /** Positions of all images, end points included, Cartesian Å. */
  positions: Vec3[];
  converged: boolean;
  /** Largest NEB force (eV/Å) on a movable image at the end. */
  maxForce: number;
  steps: number;
  /** Index of the climbing image, or −1 without one. */
  climbingIndex: number;
  /** How often the band was pushed off a maximum across the path (see nudgedElasticBand). */
  symmetryBreaks: number;
}

/**
 * Nudged elastic band for one moving point in a fixed energy field (Henkelman & Jónsson,
 * J. Chem. Phys. 113, 9978 (2000): improved tangent; and 9901: climbing image), relaxed with FIRE
 * (Bitzek et al., Phys. Rev. Lett. 97, 170201 (2006)). With a climbing image the top is then
 * checked to be a first-order saddle (no negative curvature across the path).
 */
export function nudgedElasticBand(surface: EnergySurface, start: Vec3, end: Vec3, options: NebOptions = {}): NebResult {
  const path = initialBand(start, end, options);
  const n = path.length;
  const settings: RelaxSettings = {
    k: options.springConstant ?? 5,
    tol: options.forceTolerance ?? 0.01,
    maxSteps: options.maxSteps ?? 3000,
    maxMove: options.maxMoveA ?? 0.1,
    useClimbing: options.climbingImage ?? true,
  };
  const band: Band = { x: new Float64Array(3 * n), energies: new Float64Array(n), gradients: new Float64Array(3 * n) };
  path.forEach((p, i) => band.x.set(p, 3 * i));
  for (const i of [0, n - 1]) evaluate(surface, band, i);

  let run = relax(surface, band, settings, settings.maxSteps);
  let steps = run.steps;
  let symmetryBreaks = 0;
  // A band that starts on a mirror plane (a straight hop between symmetric sites) can converge onto
  // a higher-order saddle: the top is a maximum also across the path. If the curvature across the
  // path at the top is negative, push the band that way and relax again (at most 3 times).
  while (run.climbing >= 0 && symmetryBreaks < 3 && steps < settings.maxSteps) {
    const downhill = negativeCrossCurvature(surface, band, run.climbing);
    if (!downhill) break;
    symmetryBreaks++;
    for (let i = 1; i < n - 1; i++) {
      const w = SYMMETRY_BREAK_A * Math.sin((Math.PI * i) / (n - 1));
      for (let a = 0; a < 3; a++) band.x[3 * i + a] += w * downhill[a];
    }
    run = relax(surface, band, settings, settings.maxSteps - steps);
    steps += run.steps;
  }
  const positions = Array.from({ length: n }, (_, i) => [band.x[3 * i], band.x[3 * i + 1], band.x[3 * i + 2]] as Vec3);
  return {
    energies: Array.from(band.energies),
    positions,
    converged: run.maxForce < settings.tol,
    maxForce: run.maxForce,
    steps,
    climbingIndex: run.climbing,
    symmetryBreaks,
  };
}

/** Displacement (Å) applied to the middle of the band to leave a higher-order saddle. */
const SYMMETRY_BREAK_A = 0.1;
/** Curvature across the path below which the top is taken to be a maximum across it, eV/Å². */
const NEGATIVE_CURVATURE = -0.05;

interface Band {
  x: Float64Array;
  energies: Float64Array;
  gradients: Float64Array;
}

interface RelaxSettings {
  k: number;
  tol: number;
  maxSteps: number;
  maxMove: number;
  useClimbing: boolean;
}

/**
 * FIRE relaxation of the movable images. The climbing image is switched on once the band is
 * roughly relaxed (force below 10× the tolerance, or after a fifth of the steps), so that it climbs
 * toward the saddle of a band that already follows the valley.
 */
function relax(surface: EnergySurface, band: Band, s: RelaxSettings, maxSteps: number) {
  const { x, energies, gradients } = band;
  const n = energies.length;
  const v = new Float64Array(3 * n);
  const f = new Float64Array(3 * n);
  // FIRE parameters of Bitzek et al.
  const dtMax = 0.5, nMin = 5, fInc = 1.1, fDec = 0.5, alphaStart = 0.1, fAlpha = 0.99;
  let dt = 0.05, alpha = alphaStart, positiveSteps = 0;
  let climbing = -1;
  let maxForce = Infinity;
  let step = 0;
  for (; step <= maxSteps; step++) {
    for (let i = 1; i < n - 1; i++) evaluate(surface, band, i);
    if (s.useClimbing && climbing < 0 && (maxForce < 10 * s.tol || step > maxSteps / 5)) climbing = highestImage(energies);
    maxForce = nebForces(x, energies, gradients, s.k, climbing, f);
    if (maxForce < s.tol && (!s.useClimbing || climbing >= 0)) break;
    if (step === maxSteps) break;
    // FIRE: mix the velocity toward the force while moving downhill, restart when uphill.
    let power = 0, vNorm = 0, fNorm = 0;
    for (let a = 3; a < 3 * (n - 1); a++) {
      power += f[a] * v[a];
      vNorm += v[a] * v[a];
      fNorm += f[a] * f[a];
    }
    vNorm = Math.sqrt(vNorm);
    fNorm = Math.sqrt(fNorm);
    if (power > 0) {
      for (let a = 3; a < 3 * (n - 1); a++) v[a] = (1 - alpha) * v[a] + (alpha * f[a] * vNorm) / (fNorm || 1);
      if (++positiveSteps > nMin) {
        dt = Math.min(dt * fInc, dtMax);
        alpha *= fAlpha;
      }
    } else {
      v.fill(0);
      dt *= fDec;
      alpha = alphaStart;
      positiveSteps = 0;
    }
    for (let a = 3; a < 3 * (n - 1); a++) v[a] += dt * f[a];
    for (let i = 1; i < n - 1; i++) {
      let dx = dt * v[3 * i], dy = dt * v[3 * i + 1], dz = dt * v[3 * i + 2];
      const len = Math.hypot(dx, dy, dz);
      if (len > s.maxMove) {
        const scale = s.maxMove / len;
        dx *= scale;
        dy *= scale;
        dz *= scale;
      }
      x[3 * i] += dx;
      x[3 * i + 1] += dy;
      x[3 * i + 2] += dz;
    }
  }
  return { steps: step, maxForce, climbing };
}

/**
 * Lowest curvature of the energy across the path at image i (the 2×2 Hessian block in the plane
 * perpendicular to the tangent, by central differences of the analytic gradient). Returns the
 * direction of that curvature when it is clearly negative, else null.
 */
function negativeCrossCurvature(surface: EnergySurface, band: Band, i: number): Vec3 | null {
  const tau = tangent(band.x, band.energies, i);
  const helper: Vec3 = Math.abs(tau[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const p1 = normalize(cross(tau, helper));
  const p2 = cross(tau, p1);
  const at: Vec3 = [band.x[3 * i], band.x[3 * i + 1], band.x[3 * i + 2]];
  const h = 1e-4;
  const hessianTimes = (p: Vec3): Vec3 => {
    const gp = surface.energyAndGradientAt([at[0] + h * p[0], at[1] + h * p[1], at[2] + h * p[2]]).gradient;
    const gm = surface.energyAndGradientAt([at[0] - h * p[0], at[1] - h * p[1], at[2] - h * p[2]]).gradient;
    return [(gp[0] - gm[0]) / (2 * h), (gp[1] - gm[1]) / (2 * h), (gp[2] - gm[2]) / (2 * h)];
  };
  const h1 = hessianTimes(p1), h2 = hessianTimes(p2);
  const a = dot3(p1, h1), d = dot3(p2, h2), b = (dot3(p1, h2) + dot3(p2, h1)) / 2;
  const lowest = (a + d) / 2 - Math.hypot((a - d) / 2, b);
  if (!(lowest < NEGATIVE_CURVATURE)) return null;
  // Eigenvector of [[a, b], [b, d]] for the lowest eigenvalue, expressed in 3D.
  const [c1, c2] = Math.abs(b) > 1e-12 ? [b, lowest - a] : a < d ? [1, 0] : [0, 1];
  return normalize([c1 * p1[0] + c2 * p2[0], c1 * p1[1] + c2 * p2[1], c1 * p1[2] + c2 * p2[2]]);
}

const dot3 = (u: Vec3, w: Vec3) => u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
const cross = (u: Vec3, w: Vec3): Vec3 => [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
const normalize = (u: Vec3): Vec3 => {
  const l = Math.hypot(u[0], u[1], u[2]);
  return [u[0] / l, u[1] / l, u[2] / l];
};

function initialBand(start: Vec3, end: Vec3, options: NebOptions): Vec3[] {
  if (options.initialPath) {
    if (options.initialPath.length < 3) throw new Error("neb: the initial path needs at least 3 points");
    return options.initialPath.map((p) => [...p] as Vec3);
  }
  const m = options.images ?? 9;
  if (!Number.isInteger(m) || m < 1) throw new Error(`neb: need at least one movable image, got ${m}`);
  return Array.from({ length: m + 2 }, (_, i) => {
    const t = i / (m + 1);
    return [0, 1, 2].map((a) => start[a] + t * (end[a] - start[a])) as Vec3;
  });
}

function evaluate(surface: EnergySurface, band: Band, i: number): void {
  const x = band.x;
  const { energy, gradient } = surface.energyAndGradientAt([x[3 * i], x[3 * i + 1], x[3 * i + 2]]);
  if (!Number.isFinite(energy)) throw new Error(`neb: image ${i} sits on a singularity of the field`);
  band.energies[i] = energy;
  band.gradients.set(gradient, 3 * i);
}

function highestImage(energies: Float64Array): number {
  let best = 1;
  for (let i = 2; i < energies.length - 1; i++) if (energies[i] > energies[best]) best = i;
  return best;
}

/** Writes the NEB forces of the movable images into f; returns the largest force norm. */
function nebForces(x: Float64Array, e: Float64Array, g: Float64Array, k: number, climbing: number, f: Float64Array): number {
  const n = e.length;
  let maxForce = 0;
  for (let i = 1; i < n - 1; i++) {
    const tau = tangent(x, e, i);
    const o = 3 * i;
    const gPar = g[o] * tau[0] + g[o + 1] * tau[1] + g[o + 2] * tau[2];
    if (i === climbing) {
      // Climbing image: full force with its component along the band inverted; no springs.
      for (let a = 0; a < 3; a++) f[o + a] = -g[o + a] + 2 * gPar * tau[a];
    } else {
      const dNext = Math.hypot(x[o + 3] - x[o], x[o + 4] - x[o + 1], x[o + 5] - x[o + 2]);
      const dPrev = Math.hypot(x[o] - x[o - 3], x[o + 1] - x[o - 2], x[o + 2] - x[o - 1]);
      const spring = k * (dNext - dPrev);
      for (let a = 0; a < 3; a++) f[o + a] = -g[o + a] + gPar * tau[a] + spring * tau[a];
    }
    maxForce = Math.max(maxForce, Math.hypot(f[o], f[o + 1], f[o + 2]));
  }
  return maxForce;
}

/** Improved tangent of Henkelman & Jónsson (2000): uphill neighbour, energy-weighted at extrema. */
function tangent(x: Float64Array, e: Float64Array, i: number): Vec3 {
  const o = 3 * i;
  const plus = [x[o + 3] - x[o], x[o + 4] - x[o + 1], x[o + 5] - x[o + 2]];
  const minus = [x[o] - x[o - 3], x[o + 1] - x[o - 2], x[o + 2] - x[o - 1]];
  const dUp = e[i + 1] - e[i], dDown = e[i - 1] - e[i];
  let t: number[];
  if (dUp > 0 && dDown < 0) t = plus;
  else if (dUp < 0 && dDown > 0) t = minus;
  else {
    const big = Math.max(Math.abs(dUp), Math.abs(dDown));
    const small = Math.min(Math.abs(dUp), Math.abs(dDown));
    t = e[i + 1] > e[i - 1] ? plus.map((p, a) => p * big + minus[a] * small) : plus.map((p, a) => p * small + minus[a] * big);
  }
  const len = Math.hypot(t[0], t[1], t[2]) || 1;
  return [t[0] / len, t[1] / len, t[2] / len];
}
