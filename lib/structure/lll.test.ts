import { describe, expect, it } from "vitest";
import { cartToFrac, fracToCart, inverseLattice, latticeParameters } from "./lattice";
import { lllReduce, lllReduceStructure } from "./lll";
import { createPeriodicMetric } from "./periodic-distance";
import { randomStructure } from "./random-structure";
import { skewedCell, triclinicCell } from "./skewed-lattices";
import { type Mat3, det3, dot, inverse3, matMul, scale, sub } from "./vector";

const isInteger = (m: Mat3) => m.every((r) => r.every((x) => Math.abs(x - Math.round(x)) < 1e-8));

describe("LLL reduction", () => {
  const skewed = skewedCell();
  const { lattice: red, transform } = lllReduce(skewed);

  it("spans the same lattice points (unimodular integer change of basis)", () => {
    expect(isInteger(transform)).toBe(true);
    expect(Math.abs(det3(transform))).toBe(1);
    const back = matMul(transform, skewed);
    back.forEach((r, i) => r.forEach((x, j) => expect(x).toBeCloseTo(red[i][j], 9)));
    // Each original vector is an integer combination of the reduced ones, and vice versa.
    expect(isInteger(matMul(skewed, inverse3(red)))).toBe(true);
    expect(isInteger(matMul(red, inverse3(skewed)))).toBe(true);
  });

  it("satisfies the LLL conditions with delta 0.75 and is right-handed", () => {
    const star = [red[0]];
    const mu = (i: number, j: number) => dot(red[i], star[j]) / dot(star[j], star[j]);
    for (let i = 1; i < 3; i++) {
      let v = red[i];
      for (let j = 0; j < i; j++) {
        expect(Math.abs(mu(i, j))).toBeLessThanOrEqual(0.5 + 1e-12);
        v = sub(v, scale(star[j], mu(i, j)));
      }
      star.push(v);
      expect(dot(star[i], star[i])).toBeGreaterThanOrEqual((0.75 - mu(i, i - 1) ** 2) * dot(star[i - 1], star[i - 1]) - 1e-9);
    }
    expect(det3(red)).toBeGreaterThan(0);
  });

  it("recovers vectors as short as the good cell the skewed one was made from", () => {
    // The skewed cell is the 4.1/5.3/6.2 Å triclinic cell in another basis; LLL finds short vectors again.
    const p = latticeParameters(red);
    const longest = Math.max(p.a, p.b, p.c);
    expect(longest).toBeLessThan(6.5);
    expect(Math.abs(det3(red))).toBeCloseTo(Math.abs(det3(triclinicCell())), 8);
  });

  it("makes a left-handed input right-handed", () => {
    const left: Mat3 = [triclinicCell()[1], triclinicCell()[0], triclinicCell()[2]];
    expect(det3(left)).toBeLessThan(0);
    expect(det3(lllReduce(left).lattice)).toBeGreaterThan(0);
  });

  it("re-expresses sites without moving them", () => {
    const s = randomStructure(skewed, 12, 3);
    const r = lllReduceStructure(s);
    const metric = createPeriodicMetric(skewed);
    r.sites.forEach((site, i) => {
      expect(site.species).toBe(s.sites[i].species);
      site.frac.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
      // Same Cartesian point up to a lattice vector: zero periodic distance in the original cell.
      const back = cartToFrac(inverseLattice(skewed), fracToCart(r.lattice, site.frac));
      expect(metric.distance(back, s.sites[i].frac)).toBeLessThan(1e-8);
    });
  });
});
