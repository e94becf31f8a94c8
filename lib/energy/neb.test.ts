import { describe, expect, it } from "vitest";
import { fracToCart } from "../structure/lattice";
import { caF2 } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { makeSupercell } from "../structure/supercell";
import type { Vec3 } from "../structure/vector";
import { BvseField } from "./bvse";
import { type EnergySurface, nudgedElasticBand } from "./neb";
import { energyProfile } from "./profile";

/**
 * A curved valley with minima at (±1, 0, 0): E = (x² − 1)² + 2·(y − (1 − x²))² + z².
 * Along the straight line y = 0 the energy is 3(1 − x²)², a barrier of 3; along the valley floor
 * y = 1 − x² it is (x² − 1)², whose saddle is E = 1 at (0, 1, 0). Both follow from the formula.
 */
const curvedValley: EnergySurface & { energyAt(p: Vec3): number } = {
  energyAt: ([x, y, z]) => (x * x - 1) ** 2 + 2 * (y - (1 - x * x)) ** 2 + z * z,
  energyAndGradientAt([x, y, z]) {
    const w = y - (1 - x * x);
    return {
      energy: this.energyAt([x, y, z]),
      gradient: [4 * x * (x * x - 1) + 8 * w * x, 4 * w, 2 * z],
    };
  },
};

describe("nudgedElasticBand on an analytic surface", () => {
  it("climbing image finds the saddle of a curved valley, far below the straight-line barrier", () => {
    const r = nudgedElasticBand(curvedValley, [-1, 0, 0], [1, 0, 0], { images: 9 });
    expect(r.converged).toBe(true);
    expect(r.positions).toHaveLength(11);
    expect(r.maxForce).toBeLessThan(0.01);
    const top = r.positions[r.climbingIndex];
    expect(Math.max(...r.energies)).toBeCloseTo(1, 3);
    expect(top[0]).toBeCloseTo(0, 2);
    expect(top[1]).toBeCloseTo(1, 2);
    const line = energyProfile(curvedValley, Array.from({ length: 11 }, (_, i) => [-1 + i / 5, 0, 0] as Vec3));
    expect(line.barrier).toBeCloseTo(3, 6);
  });

  it("without a climbing image the band still relaxes, but its top is at or below the saddle", () => {
    const r = nudgedElasticBand(curvedValley, [-1, 0, 0], [1, 0, 0], { images: 9, climbingImage: false });
    expect(r.converged).toBe(true);
    expect(r.climbingIndex).toBe(-1);
    expect(Math.max(...r.energies)).toBeLessThanOrEqual(1 + 1e-6);
  });
});

describe("nudgedElasticBand in the BVSE vacancy-hop field of fluorite", () => {
  // CaF2 2×2×2 supercell (a = 5.4626 Å); an F⁻ moves to its nearest F site (a/2 = 2.731 Å away),
  // both sites empty during the hop. The hop is symmetric under the mirror plane between the sites,
  // so the profile must be symmetric (a property of the geometry, not a fitted number).
  const ox: Record<string, number> = { Ca: 2, F: -1 };
  const cell: Structure = makeSupercell(caF2(), 2);
  cell.sites = cell.sites.map((s) => ({ ...s, oxidationState: ox[s.species] }));
  const fIndices = cell.sites.flatMap((s, i) => (s.species === "F" ? [i] : []));
  const from = fIndices[0];
  const start = fracToCart(cell.lattice, cell.sites[from].frac);
  let to = -1;
  let end: Vec3 = start;
  for (const j of fIndices.slice(1)) {
    const d = cell.sites[j].frac.map((x, a) => x - cell.sites[from].frac[a]).map((x) => x - Math.round(x));
    const c = fracToCart(cell.lattice, d as Vec3);
    if (Math.hypot(...c) < 2.8) {
      to = j;
      end = [start[0] + c[0], start[1] + c[1], start[2] + c[2]];
      break;
    }
  }
  const field = new BvseField(cell, { mobileSpecies: "F", mobileOxidationState: -1, mode: "vacancy-hop", emptySites: [from, to] });

  // The straight path crosses the midpoint of a Ca–Ca edge, which in this field is a maximum also
  // across the path; the band has to leave the mirror plane to find the first-order saddle.
  it("gives a symmetric profile, a first-order saddle, and a barrier no higher than the straight-line path", () => {
    expect(Math.hypot(end[0] - start[0], end[1] - start[1], end[2] - start[2])).toBeCloseTo(5.4626 / 2, 4);
    const linear = energyProfile(field, Array.from({ length: 11 }, (_, i) => [0, 1, 2].map((a) => start[a] + (i / 10) * (end[a] - start[a])) as Vec3));
    for (let i = 0; i < 11; i++) expect(linear.energies[i]).toBeCloseTo(linear.energies[10 - i], 8);

    const neb = nudgedElasticBand(field, start, end, { images: 9 });
    expect(neb.converged).toBe(true);
    const e = neb.energies;
    for (let i = 0; i < e.length; i++) expect(e[i]).toBeCloseTo(e[e.length - 1 - i], 3);
    const nebBarrier = Math.max(...e) - e[0];
    expect(nebBarrier).toBeGreaterThan(0);
    expect(nebBarrier).toBeLessThanOrEqual(linear.barrier + 1e-6);

    // The top must be a first-order saddle: exactly one negative eigenvalue of the Hessian, counted
    // by Jacobi's rule as the sign changes along the leading principal minors (1, D1, D2, D3).
    const top = neb.positions[neb.climbingIndex];
    const h = 1e-4;
    const hessian = [0, 1, 2].map((a) => {
      const plus = [...top] as Vec3, minus = [...top] as Vec3;
      plus[a] += h;
      minus[a] -= h;
      const gp = field.energyAndGradientAt(plus).gradient, gm = field.energyAndGradientAt(minus).gradient;
      return [0, 1, 2].map((b) => (gp[b] - gm[b]) / (2 * h));
    });
    const m = hessian.map((row, a) => row.map((x, b) => (x + hessian[b][a]) / 2));
    const d1 = m[0][0];
    const d2 = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    const d3 = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    const minors = [1, d1, d2, d3];
    const signChanges = minors.slice(1).filter((x, k) => Math.sign(x) !== Math.sign(minors[k])).length;
    expect(signChanges).toBe(1);
  });
});
