import type { PairList } from "./pair-list";

export interface IdppOptions {
  /** Iteration cap; reaching it is reported as converged = false, with the best band found. */
  maxIterations?: number;
  /** Converged when no atom of an interior image feels a larger NEB force (IDPP units, Å⁻³). */
  forceTolerance?: number;
  /** Spring constant along the band (pymatgen's IDPPSolver uses 5). */
  springConstant?: number;
  /** Largest displacement of any atom in one step, Å. */
  maxStepA?: number;
}

export interface IdppResult {
  /** Flat Cartesian coordinates (x0,y0,z0,x1,…) per image, end points included and unchanged. */
  band: Float64Array[];
  converged: boolean;
  iterations: number;
  /** Largest per-atom NEB force of the returned band. */
  maxForce: number;
}

// FIRE parameters of Bitzek et al., Phys. Rev. Lett. 97, 170201 (2006), except the largest time
// step: springs of constant 5 between unit-mass images are only integrated stably below dt ≈ 2/(2√5).
const FIRE = { nMin: 5, fInc: 1.1, fDec: 0.5, alphaStart: 0.1, fAlpha: 0.99, dtStart: 0.1, dtMax: 0.4 };
const PUSH_SWEEPS = 20;

/**
 * Adds the IDPP forces of one image (coordinates from `offset` in x, interpolation parameter t) to f
 * and reports whether some pair is below its floor. A top-level function with everything in locals:
 * this loop is where the time goes.
 */
export function addPairForces(x: Float64Array, f: Float64Array, offset: number, t: number, pairs: PairList, floors: Float64Array): boolean {
  const { count, i: pi, j: pj, shift, d0, d1 } = pairs;
  let clash = false;
  for (let p = 0; p < count; p++) {
    const a = offset + 3 * pi[p], b = offset + 3 * pj[p], s = 3 * p;
    const rx = x[b] + shift[s] - x[a];
    const ry = x[b + 1] + shift[s + 1] - x[a + 1];
    const rz = x[b + 2] + shift[s + 2] - x[a + 2];
    const d2 = rx * rx + ry * ry + rz * rz;
    const d = Math.sqrt(d2);
    if (d < floors[p]) clash = true;
    if (d < 1e-9) continue; // direction undefined; the push step separates such pairs
    const diff = d - (d0[p] + t * (d1[p] - d0[p]));
    // dE/dd of w(d)(d − d_target)² with w = d⁻⁴, divided by d to scale the pair vector.
    const g = (2 * diff * (d - 2 * diff)) / (d2 * d2 * d2);
    f[a] += g * rx; f[a + 1] += g * ry; f[a + 2] += g * rz;
    f[b] -= g * rx; f[b + 1] -= g * ry; f[b + 2] -= g * rz;
  }
  return clash;
}

/** The IDPP objective Σ w(d)(d − d_target)², w = d⁻⁴, of one image (for diagnostics and tests). */
export function imageObjective(x: Float64Array, offset: number, t: number, pairs: PairList): number {
  let e = 0;
  for (let p = 0; p < pairs.count; p++) {
    const a = offset + 3 * pairs.i[p], b = offset + 3 * pairs.j[p], s = 3 * p;
    const d = Math.hypot(x[b] + pairs.shift[s] - x[a], x[b + 1] + pairs.shift[s + 1] - x[a + 1], x[b + 2] + pairs.shift[s + 2] - x[a + 2]);
    const target = pairs.d0[p] + t * (pairs.d1[p] - pairs.d0[p]);
    e += (d - target) ** 2 / d ** 4;
  }
  return e;
}

/**
 * Image-dependent pair potential relaxation (Smidstrup et al., J. Chem. Phys. 140, 214106 (2014)):
 * every image k of the band is pulled towards pair distances interpolated linearly between the end
 * points, objective Σ w(d)(d − d_target)² with w = d⁻⁴, under a nudged-elastic-band projection
 * (perpendicular IDPP force plus a spring force along the central-difference tangent), minimised by
 * FIRE with a per-atom step cap. After each step, pairs closer than `minDistance[p]` are pushed apart
 * to it, so no iterate has a clash; the band with the smallest force is the one returned.
 *
 * Hot loops run over typed arrays only; the pair list fixes which image of each partner counts.
 */
export function relaxIdpp(initial: Float64Array[], pairs: PairList, minDistance: Float64Array, options: IdppOptions = {}): IdppResult {
  const maxIterations = options.maxIterations ?? 1000;
  const tol = options.forceTolerance ?? 1e-3;
  const k = options.springConstant ?? 5;
  const maxStep = options.maxStepA ?? 0.1;
  const nImg = initial.length;
  const nInt = nImg - 2;
  const dim = initial[0].length;
  const nAtoms = dim / 3;
  if (nInt < 1) return { band: initial.map((b) => b.slice()), converged: true, iterations: 0, maxForce: 0 };

  // All images in one array; interior images are the degrees of freedom.
  const x = new Float64Array(nImg * dim);
  initial.forEach((b, i) => x.set(b, i * dim));
  const f = new Float64Array(nImg * dim);
  const v = new Float64Array(nImg * dim);
  const best = x.slice();
  let bestForce = Infinity;
  const tangent = new Float64Array(dim);
  const { count, i: pi, j: pj, shift } = pairs;

  let clash = false;
  /** NEB forces on the interior images; also notes (in `clash`) whether some pair is below its floor. */
  const computeForces = (): number => {
    f.fill(0);
    clash = false;
    let maxF = 0;
    for (let img = 1; img <= nInt; img++) {
      const o = img * dim;
      const t = img / (nImg - 1);
      if (addPairForces(x, f, o, t, pairs, minDistance)) clash = true;
      // NEB: keep the IDPP force perpendicular to the band, springs along it.
      const prev = o - dim, next = o + dim;
      let tn = 0, lp = 0, ln = 0, ft = 0;
      for (let c = 0; c < dim; c++) {
        const tc = x[next + c] - x[prev + c];
        tangent[c] = tc;
        tn += tc * tc;
        const dp = x[o + c] - x[prev + c], dn = x[next + c] - x[o + c];
        lp += dp * dp;
        ln += dn * dn;
      }
      tn = Math.sqrt(tn) || 1;
      for (let c = 0; c < dim; c++) {
        tangent[c] /= tn;
        ft += f[o + c] * tangent[c];
      }
      const spring = k * (Math.sqrt(ln) - Math.sqrt(lp));
      for (let c = 0; c < dim; c++) f[o + c] += (spring - ft) * tangent[c];
      for (let at = 0; at < nAtoms; at++) {
        const q = o + 3 * at;
        const fa = f[q] * f[q] + f[q + 1] * f[q + 1] + f[q + 2] * f[q + 2];
        if (fa > maxF) maxF = fa;
      }
    }
    return Math.sqrt(maxF);
  };

  /** Moves the atoms of every close pair apart to its floor, in a few sweeps. */
  const pushApart = (): void => {
    for (let sweep = 0; sweep < PUSH_SWEEPS; sweep++) {
      let any = false;
      for (let img = 1; img <= nInt; img++) {
        const o = img * dim;
        for (let p = 0; p < count; p++) {
          const a = o + 3 * pi[p], b = o + 3 * pj[p], s = 3 * p;
          let rx = x[b] + shift[s] - x[a], ry = x[b + 1] + shift[s + 1] - x[a + 1], rz = x[b + 2] + shift[s + 2] - x[a + 2];
          let d = Math.sqrt(rx * rx + ry * ry + rz * rz);
          const floor = minDistance[p];
          if (d >= floor) continue;
          if (d < 1e-9) {
            // Coincident atoms: any fixed direction separates them; the relaxation takes it from there.
            rx = 0.6; ry = 0.48; rz = 0.64; d = 1;
          }
          const h = (0.5 * (floor * 1.001 - d)) / d;
          x[a] -= h * rx; x[a + 1] -= h * ry; x[a + 2] -= h * rz;
          x[b] += h * rx; x[b + 1] += h * ry; x[b + 2] += h * rz;
          any = true;
        }
      }
      if (!any) break;
    }
  };

  let dt = FIRE.dtStart, alpha = FIRE.alphaStart, nPositive = 0;
  let iterations = 0;
  let converged = false;
  const lo = dim, hi = (nImg - 1) * dim;
  for (;;) {
    let maxF = computeForces();
    if (clash) {
      // A step into a clash is undone by the push; its velocity would only push back in.
      pushApart();
      v.fill(0);
      maxF = computeForces();
    }
    if (!clash && maxF < bestForce) {
      bestForce = maxF;
      best.set(x);
    }
    if (maxF < tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    let power = 0, vv = 0, ff = 0;
    for (let c = lo; c < hi; c++) {
      power += f[c] * v[c];
      vv += v[c] * v[c];
      ff += f[c] * f[c];
    }
    if (power > 0) {
      const mix = (alpha * Math.sqrt(vv)) / (Math.sqrt(ff) || 1);
      for (let c = lo; c < hi; c++) v[c] = (1 - alpha) * v[c] + mix * f[c];
      if (nPositive > FIRE.nMin) {
        dt = Math.min(dt * FIRE.fInc, FIRE.dtMax);
        alpha *= FIRE.fAlpha;
      }
      nPositive++;
    } else {
      v.fill(0);
      dt *= FIRE.fDec;
      alpha = FIRE.alphaStart;
      nPositive = 0;
    }
    let maxDr = 0;
    for (let c = lo; c < hi; c += 3) {
      v[c] += dt * f[c]; v[c + 1] += dt * f[c + 1]; v[c + 2] += dt * f[c + 2];
      const dr = dt * Math.sqrt(v[c] * v[c] + v[c + 1] * v[c + 1] + v[c + 2] * v[c + 2]);
      if (dr > maxDr) maxDr = dr;
    }
    const scale = maxDr > maxStep ? (maxStep / maxDr) * dt : dt;
    for (let c = lo; c < hi; c++) x[c] += scale * v[c];
  }
  const band = initial.map((_, i) => best.slice(i * dim, (i + 1) * dim));
  return { band, converged, iterations, maxForce: bestForce };
}
