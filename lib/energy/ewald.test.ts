import { describe, expect, it } from "vitest";
import type { Lattice } from "../structure/lattice";
import type { Vec3 } from "../structure/vector";
import { COULOMB_EV_A, ewaldSiteEnergy, ewaldSum } from "./ewald";

const cubic = (a: number): Lattice => [
  [a, 0, 0],
  [0, a, 0],
  [0, 0, a],
];
const FCC: Vec3[] = [
  [0, 0, 0],
  [0, 0.5, 0.5],
  [0.5, 0, 0.5],
  [0.5, 0.5, 0],
];
const shifted = (s: Vec3, a = 1): Vec3[] => FCC.map((p) => [(p[0] + s[0]) * a, (p[1] + s[1]) * a, (p[2] + s[2]) * a]);

/**
 * Convention (the standard one of the tables, e.g. Kittel; Johnson & Templeton, J. Chem. Phys. 34,
 * 2004 (1962)): the lattice energy per formula unit is U = −M·z₊·|z₋|·e²/(4πε₀·d) with d the
 * shortest cation–anion distance; so M = −U·d/(z₊|z₋|·14.399645 eV·Å).
 * Published values: NaCl 1.747565, CsCl 1.762675, CaF₂ 2.51939.
 */
function madelung(totalEv: number, formulaUnits: number, d: number, zz: number): number {
  return (-totalEv / formulaUnits) * d / (zz * COULOMB_EV_A);
}

describe("ewaldSum: Madelung constants", () => {
  it("rocksalt NaCl (a = 5.64 Å, 4 formula units)", () => {
    const a = 5.64;
    const r = ewaldSum(cubic(a), [...shifted([0, 0, 0], a), ...shifted([0.5, 0, 0], a)], [1, 1, 1, 1, -1, -1, -1, -1]);
    expect(madelung(r.totalEv, 4, a / 2, 1)).toBeCloseTo(1.747565, 6);
  });

  it("CsCl (a = 4.12 Å, 1 formula unit)", () => {
    const a = 4.12;
    const r = ewaldSum(cubic(a), [[0, 0, 0], [a / 2, a / 2, a / 2]], [1, -1]);
    expect(madelung(r.totalEv, 1, (a * Math.sqrt(3)) / 2, 1)).toBeCloseTo(1.762675, 6);
  });

  it("fluorite CaF2 (a = 5.4626 Å, 4 formula units, charges +2/−1)", () => {
    const a = 5.4626;
    const cart = [...shifted([0, 0, 0], a), ...shifted([0.25, 0.25, 0.25], a), ...shifted([0.75, 0.75, 0.75], a)];
    const q = [2, 2, 2, 2, -1, -1, -1, -1, -1, -1, -1, -1];
    const r = ewaldSum(cubic(a), cart, q);
    expect(madelung(r.totalEv, 4, (a * Math.sqrt(3)) / 4, 2)).toBeCloseTo(2.51939, 5);
    // Symmetry-equivalent sites carry equal energies; the per-site energies add up to the total.
    for (let i = 1; i < 4; i++) expect(r.siteEnergiesEv[i]).toBeCloseTo(r.siteEnergiesEv[0], 8);
    for (let i = 5; i < 12; i++) expect(r.siteEnergiesEv[i]).toBeCloseTo(r.siteEnergiesEv[4], 8);
    expect(r.siteEnergiesEv.reduce((s, e) => s + e, 0)).toBeCloseTo(r.totalEv, 9);
    expect(ewaldSiteEnergy(cubic(a), cart, q, 7)).toBeCloseTo(r.siteEnergiesEv[7], 9);
  });
});

describe("ewaldSum: invariances", () => {
  const lattice: Lattice = [
    [4.1, 0.2, 0],
    [0.7, 5.3, 0],
    [0.4, -0.6, 6.2],
  ];
  const cart: Vec3[] = [
    [0.1, 0.2, 0.3],
    [2.5, 1.1, 3.9],
    [1.9, 4.0, 1.2],
    [3.3, 2.2, 5.0],
  ];
  const q = [2, -1, 1.5, -2.5];

  it("does not depend on the splitting parameter η (a triclinic cell)", () => {
    const e1 = ewaldSum(lattice, cart, q, { eta: 0.4 }).totalEv;
    const e2 = ewaldSum(lattice, cart, q, { eta: 1.1 }).totalEv;
    const e3 = ewaldSum(lattice, cart, q).totalEv;
    expect(e2).toBeCloseTo(e1, 7);
    expect(e3).toBeCloseTo(e1, 7);
  });

  it("does not depend on which image of a site is given", () => {
    const moved = cart.map((p, i) => [p[0] + lattice[i % 3][0] * (i - 1), p[1] + lattice[i % 3][1] * (i - 1), p[2] + lattice[i % 3][2] * (i - 1)] as Vec3);
    const a = ewaldSum(lattice, cart, q);
    const b = ewaldSum(lattice, moved, q);
    expect(b.totalEv).toBeCloseTo(a.totalEv, 8);
    for (let i = 0; i < 4; i++) expect(b.siteEnergiesEv[i]).toBeCloseTo(a.siteEnergiesEv[i], 8);
  });

  it("charged cell: one unit charge on a simple cubic lattice in a neutralising background", () => {
    // The energy per charge of this Wigner lattice is −2.837297/2 · e²/(4πε₀·a)
    // (Nijboer & De Wette, Physica 23, 309 (1957)); it must not depend on η either.
    const a = 3;
    const e1 = ewaldSum(cubic(a), [[0, 0, 0]], [1]).totalEv;
    const e2 = ewaldSum(cubic(a), [[0, 0, 0]], [1], { eta: 2.5 }).totalEv;
    expect(e1).toBeCloseTo((-2.837297 / 2) * (COULOMB_EV_A / a), 5);
    expect(e2).toBeCloseTo(e1, 7);
  });
});
