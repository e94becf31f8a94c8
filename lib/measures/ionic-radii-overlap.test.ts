import { describe, expect, it } from "vitest";
import type { Vec3 } from "../structure/vector";
import { ionicRadiiOverlap, largestChange } from "./ionic-radii-overlap";

// Radii: Shannon, Acta Cryst. A 32, 751 (1976), CN 6: F⁻ 1.33 Å, Ca²⁺ 1.00 Å, Cl⁻ 1.81 Å.
const cube = (a: number): [Vec3, Vec3, Vec3] => [[a, 0, 0], [0, a, 0], [0, 0, a]];

describe("ionicRadiiOverlap", () => {
  it("tracks the largest overlap with cations and anions separately along the band", () => {
    // F⁻ (moving) passes a Ca²⁺ at the origin at 2.5 → 2.0 → 2.5 Å; a Cl⁻ is 3.5 Å from the first and
    // last positions and √(0.5² + 3.5²) = 3.536 Å from the middle one.
    const images: Vec3[][] = [
      [[2.5, 0, 0], [0, 0, 0], [2.5, 3.5, 0]],
      [[2.0, 0, 0], [0, 0, 0], [2.5, 3.5, 0]],
      [[2.5, 0, 0], [0, 0, 0], [2.5, 3.5, 0]],
    ];
    const r = ionicRadiiOverlap({ lattice: cube(20), species: ["F", "Ca", "Cl"], oxidationStates: [-1, 2, -1], images });
    expect(r.cationOverlapsA[0]).toBeCloseTo(1.33 + 1.0 - 2.5, 10);
    expect(r.cationOverlapsA[1]).toBeCloseTo(1.33 + 1.0 - 2.0, 10);
    expect(r.cationChangeA).toBeCloseTo(0.5, 10);
    expect(r.anionOverlapsA[0]).toBeCloseTo(1.33 + 1.81 - 3.5, 10);
    expect(r.anionOverlapsA[1]).toBeCloseTo(1.33 + 1.81 - Math.hypot(0.5, 3.5), 10);
    expect(r.anionChangeA).toBeCloseTo(3.5 - Math.hypot(0.5, 3.5), 10);
  });

  it("finds neighbours through the cell boundary and with unwrapped positions", () => {
    // Cell 6 Å: Ca at x = 0.5; the moving F at x = 5 (or, unwrapped, at x = 11 or −1) is 1.5 Å from
    // the Ca image at x = 6.5. Searching 8 Å also finds farther images, but the nearest dominates.
    for (const x of [5, 11, -1]) {
      const r = ionicRadiiOverlap({ lattice: cube(6), species: ["F", "Ca"], oxidationStates: [-1, 2], images: [[[x, 0, 0], [0.5, 0, 0]], [[x, 0, 0], [0.5, 0, 0]]] });
      expect(r.cationOverlapsA[0]).toBeCloseTo(2.33 - 1.5, 10);
      expect(r.anionOverlapsA[0]).toBeNull();
      expect(r.anionChangeA).toBeNull();
      expect(r.cationChangeA).toBe(0);
    }
  });

  it("largestChange keeps the sign of the largest excursion", () => {
    expect(largestChange([0.1, 0.3, -0.5, 0.0])).toBeCloseTo(-0.6, 12);
    expect(largestChange([0.1, 0.3, 0.2])).toBeCloseTo(0.2, 12);
    expect(largestChange([null, 1])).toBeNull();
  });

  it("rejects images with the wrong number of atoms", () => {
    expect(() => ionicRadiiOverlap({ lattice: cube(5), species: ["F", "Ca"], oxidationStates: [-1, 2], images: [[[0, 0, 0]], [[0, 0, 0]]] })).toThrow();
  });
});
