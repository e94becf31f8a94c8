import { describe, expect, it } from "vitest";
import { ewaldSum } from "../energy/ewald";
import type { Vec3 } from "../structure/vector";
import { ewaldEnergyMeasure } from "./ewald-energy";

describe("ewaldEnergyMeasure", () => {
  // Rocksalt NaCl, a = 5.64 Å, conventional cell with the Na at (½, ½, 0)a removed (a vacancy; the
  // cell is charged and gets the neutralising background). The Na at the origin moves straight into
  // the vacancy. The mirror plane between the two sites makes the profile symmetric. With formal point
  // charges and no repulsion the midpoint, 1.99 Å from two Cl instead of 2.82 Å from the nearest ones,
  // is lower than the sites: the hop is electrostatically downhill and the measure is 0.
  const a = 5.64;
  const na: Vec3[] = [[0, 0, 0], [0, 0.5, 0.5], [0.5, 0, 0.5]];
  const cl: Vec3[] = [[0.5, 0, 0], [0, 0.5, 0], [0, 0, 0.5], [0.5, 0.5, 0.5]];
  const fixed = [...na.slice(1), ...cl].map((p) => p.map((x) => x * a) as Vec3);
  const band = Array.from({ length: 7 }, (_, k) => [[(k / 6) * a * 0.5, (k / 6) * a * 0.5, 0] as Vec3, ...fixed]);
  const set = { lattice: [[a, 0, 0], [0, a, 0], [0, 0, a]] as [Vec3, Vec3, Vec3], species: ["Na", "Na", "Na", "Cl", "Cl", "Cl", "Cl"], oxidationStates: [1, 1, 1, -1, -1, -1, -1], images: band };

  it("is symmetric along a symmetric hop; a downhill hop measures 0", () => {
    const m = ewaldEnergyMeasure(set);
    const e = m.siteEnergiesEv;
    for (let k = 0; k < 7; k++) expect(e[k]).toBeCloseTo(e[6 - k], 6);
    expect(e[3]).toBeLessThan(e[0]);
    expect(m.relativeRise).toBe(0);
  });

  it("measures the largest rise relative to |E_start|", () => {
    // The same geometries in another order: from the midpoint back to the site and on.
    const reordered = { ...set, images: [band[3], band[1], band[0], band[2]] };
    const e = ewaldEnergyMeasure(set).siteEnergiesEv;
    const m = ewaldEnergyMeasure(reordered);
    expect(m.relativeRise).toBeCloseTo((e[0] - e[3]) / Math.abs(e[3]), 10);
    expect(m.relativeRise).toBeGreaterThan(0);
  });

  it("the start value is the moving ion's site energy of the full Ewald sum", () => {
    const full = ewaldSum(set.lattice, band[0], set.oxidationStates);
    expect(ewaldEnergyMeasure(set).siteEnergiesEv[0]).toBeCloseTo(full.siteEnergiesEv[0], 8);
  });
});
