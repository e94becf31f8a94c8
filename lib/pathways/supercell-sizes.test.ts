import { describe, expect, it } from "vitest";
import { latticeFromParameters } from "../structure/lattice";
import { caF2, k2NiF4 } from "../structure/reference-crystals";
import { axisMultipliers, supercellSizes } from "./supercell-sizes";

describe("supercellSizes (floor(L/|a_i|) + 1 per axis, as the original workflow)", () => {
  it("fluorite, a = 5.4626 Å, 12 sites", () => {
    // 7/5.4626 = 1.28 → 2; 10/5.4626 = 1.83 → 2; 12/5.4626 = 2.20 → 3 per axis.
    expect(supercellSizes(caF2().lattice, 12)).toEqual({ nsites777: 96, nsites101010: 96, nsites121212: 324 });
  });

  it("tetragonal K2NiF4, a = 4.006, c = 13.076 Å, 14 sites", () => {
    // a: 7 → 1+1 = 2, 10 → 2+1 = 3, 12 → 2+1 = 3; c: always 0+1 = 1.
    expect(axisMultipliers(k2NiF4().lattice, 10)).toEqual([3, 3, 1]);
    expect(supercellSizes(k2NiF4().lattice, 14)).toEqual({ nsites777: 56, nsites101010: 126, nsites121212: 126 });
  });

  it("adds one even when the length divides exactly (the original rule, kept on purpose)", () => {
    const lattice = latticeFromParameters({ a: 3.5, b: 5, c: 6, alpha: 90, beta: 90, gamma: 90 });
    // 7/3.5 = 2 exactly → 3, 7/5 → 2, 7/6 → 2; 12/6 = 2 → 3.
    expect(axisMultipliers(lattice, 7)).toEqual([3, 2, 2]);
    expect(supercellSizes(lattice, 1)).toEqual({ nsites777: 12, nsites101010: 3 * 3 * 2, nsites121212: 4 * 3 * 3 });
  });

  it("monoclinic cell: only the vector lengths count", () => {
    const lattice = latticeFromParameters({ a: 6, b: 8, c: 4, alpha: 90, beta: 120, gamma: 90 });
    expect(axisMultipliers(lattice, 7)).toEqual([2, 1, 2]);
  });
});
