import { describe, expect, it } from "vitest";
import { bvPair, ionData } from "../bond-valence";
import { fracToCart } from "../structure/lattice";
import { caF2 } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { BvseField } from "./bvse";
import { erfc } from "./erfc";

const OX: Record<string, number> = { Ca: 2, F: -1 };
const withOx = (s: Structure): Structure => ({ ...s, sites: s.sites.map((x) => ({ ...x, oxidationState: OX[x.species] })) });
const fluorite = withOx(caF2());
const F = { mobileSpecies: "F", mobileOxidationState: -1 } as const;

/**
 * Direct evaluation of the BVSE formula over every periodic image of every ion (no bins), written
 * straight from the definition, for comparison.
 */
function bruteForce(s: Structure, point: Vec3, skip: (index: number) => boolean): number {
  let e = 0;
  const ionA = ionData("F", -1);
  s.sites.forEach((site, index) => {
    if (skip(index)) return;
    const v = site.oxidationState!;
    for (let x = -5; x <= 5; x++) for (let y = -5; y <= 5; y++) for (let z = -5; z <= 5; z++) {
      const c = fracToCart(s.lattice, [site.frac[0] + x, site.frac[1] + y, site.frac[2] + z]);
      const r = Math.hypot(point[0] - c[0], point[1] - c[1], point[2] - c[2]);
      if (v > 0) {
        const p = bvPair(site.species, v, "F", -1);
        if (r < p.rCutoffA) e += (p.d0Ev / 2) * ((Math.exp(p.alphaPerA * (p.rMinA - r)) - 1) ** 2 - 1);
      } else if (r < 10) {
        const ionB = ionData(site.species, v);
        e += ((14.399645 * -1 * v) / Math.sqrt(ionA.nPrincipal * ionB.nPrincipal) / r) * erfc(r / (0.74 * (ionA.rcA + ionB.rcA)));
      }
    }
  });
  return e;
}

const POINTS: Vec3[] = [
  [1.0, 2.0, 0.5],
  [2.7313, 2.7313, 2.7313],
  [4.9, 0.3, 3.3],
  [-3.1, 7.7, 12.2],
];

describe("BvseField", () => {
  it("one Ca2+–F− pair: the Morse well is −D0/2 deep at Rmin (He et al. 2020 pair table)", () => {
    const a = 30; // isolated: the nearest image is farther than the 5.5 Å cutoff
    const s: Structure = { lattice: [[a, 0, 0], [0, a, 0], [0, 0, a]], sites: [{ species: "Ca", frac: [0, 0, 0], oxidationState: 2 }] };
    const field = new BvseField(s, F);
    const p = bvPair("Ca", 2, "F", -1);
    expect(field.energyAt([p.rMinA, 0, 0])).toBeCloseTo(-0.498644 / 2, 9);
    expect(field.energyAt([0, p.rMinA + 0.2, 0])).toBeGreaterThan(-0.498644 / 2);
    expect(field.energyAt([0, 0, p.rMinA - 0.2])).toBeGreaterThan(-0.498644 / 2);
    expect(field.energyAt([6, 0, 0])).toBe(0); // beyond Rcutoff 5.5 Å
  });

  it("framework mode equals the direct sum over Ca only (all F removed)", () => {
    const field = new BvseField(fluorite, F);
    for (const p of POINTS) expect(field.energyAt(p)).toBeCloseTo(bruteForce(fluorite, p, (i) => fluorite.sites[i].species === "F"), 6);
  });

  it("vacancy-hop mode equals the direct sum with the other F as screened repulsive centres", () => {
    const empty = [4, 5];
    const field = new BvseField(fluorite, { ...F, mode: "vacancy-hop", emptySites: empty });
    // erfcFast (1.2e-7 relative) against the exact erfc of the reference.
    for (const p of POINTS) expect(field.energyAt(p)).toBeCloseTo(bruteForce(fluorite, p, (i) => empty.includes(i)), 5);
  });

  it("binning is exact in an oblique triclinic cell, for any bin size", () => {
    const s: Structure = {
      lattice: [[4.6, 0.2, 0], [2.1, 5.3, 0], [-1.7, -0.9, 6.2]],
      sites: [
        { species: "Ca", frac: [0.1, 0.2, 0.3], oxidationState: 2 },
        { species: "Ca", frac: [0.6, 0.7, 0.9], oxidationState: 2 },
        { species: "F", frac: [0.4, 0.1, 0.6], oxidationState: -1 },
        { species: "F", frac: [0.9, 0.5, 0.2], oxidationState: -1 },
        { species: "F", frac: [0.3, 0.8, 0.05], oxidationState: -1 },
      ],
    };
    for (const binSizeA of [0.4, 1, 3]) {
      const field = new BvseField(s, { ...F, mode: "vacancy-hop", emptySites: [3], binSizeA });
      for (const p of POINTS) expect(field.energyAt(p)).toBeCloseTo(bruteForce(s, p, (i) => i === 3), 5);
    }
  });

  it("is periodic and its grid matches point evaluations", () => {
    const field = new BvseField(fluorite, F);
    const [a, b, c] = fluorite.lattice;
    const p: Vec3 = [1.3, 0.4, 2.2];
    const q: Vec3 = [p[0] + a[0] - 2 * b[0] + c[0], p[1] + a[1] - 2 * b[1] + c[1], p[2] + a[2] - 2 * b[2] + c[2]];
    expect(field.energyAt(q)).toBeCloseTo(field.energyAt(p), 10);
    const grid = field.energyGrid([4, 5, 6]);
    expect(grid[(2 * 5 + 3) * 6 + 1]).toBeCloseTo(field.energyAt(fracToCart(fluorite.lattice, [2 / 4, 3 / 5, 1 / 6])), 10);
  });

  it("grids read the screened Coulomb term from R² tables within 1e-5 eV of the formula", () => {
    const field = new BvseField(fluorite, { ...F, mode: "vacancy-hop", emptySites: [4] });
    const shape: [number, number, number] = [7, 9, 11];
    const grid = field.energyGrid(shape);
    let worst = 0;
    for (let i = 0; i < 7; i++) for (let j = 0; j < 9; j++) for (let k = 0; k < 11; k++) {
      const exact = field.energyAt(fracToCart(fluorite.lattice, [i / 7, j / 9, k / 11]));
      if (Number.isFinite(exact)) worst = Math.max(worst, Math.abs(grid[(i * 9 + j) * 11 + k] - exact));
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it("analytic gradient matches central finite differences", () => {
    const field = new BvseField(fluorite, { ...F, mode: "vacancy-hop", emptySites: [4] });
    const h = 1e-5;
    for (const p of POINTS) {
      const { energy, gradient } = field.energyAndGradientAt(p);
      expect(energy).toBeCloseTo(field.energyAt(p), 12);
      for (let k = 0; k < 3; k++) {
        const plus = [...p] as Vec3, minus = [...p] as Vec3;
        plus[k] += h;
        minus[k] -= h;
        // erfcFast's 1e-7 relative error limits the agreement of the Coulomb part.
        expect(gradient[k]).toBeCloseTo((field.energyAt(plus) - field.energyAt(minus)) / (2 * h), 3);
      }
    }
  });

  it("refuses structures without oxidation states and emptySites in framework mode", () => {
    expect(() => new BvseField(caF2(), F)).toThrow(/oxidation state/);
    expect(() => new BvseField(fluorite, { ...F, emptySites: [4] })).toThrow(/vacancy-hop/);
  });
});
