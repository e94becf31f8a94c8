import { describe, expect, it } from "vitest";
import { compositionOf } from "./composition";
import { densityGPerCm3 } from "./density";
import { latticeVolume } from "./lattice";
import { neighborPairs } from "./neighbors";
import { caF2, kMgF3 } from "./reference-crystals";
import type { Structure } from "./structure";
import { makeSupercell } from "./supercell";
import type { Mat3 } from "./vector";

const shortest = (s: Structure) => Math.min(...neighborPairs(s, 3).map((p) => p.distanceA));

describe("supercell", () => {
  it("diagonal scaling multiplies content and volume", () => {
    const s = makeSupercell(caF2(), [2, 1, 3]);
    expect(s.sites.length).toBe(12 * 6);
    expect(compositionOf(s)).toEqual({ Ca: 24, F: 48 });
    expect(latticeVolume(s.lattice)).toBeCloseTo(6 * latticeVolume(caF2().lattice), 8);
    // Density and the shortest bond are intensive: unchanged by the supercell.
    expect(densityGPerCm3(s)).toBeCloseTo(densityGPerCm3(caF2()), 10);
    expect(shortest(s)).toBeCloseTo(shortest(caF2()), 10);
  });

  it("handles a non-diagonal matrix (√2×√2×1 rotated cell)", () => {
    const m: Mat3 = [[1, 1, 0], [-1, 1, 0], [0, 0, 1]];
    const s = makeSupercell(kMgF3(), m);
    expect(s.sites.length).toBe(10);
    expect(compositionOf(s)).toEqual({ K: 2, Mg: 2, F: 6 });
    expect(shortest(s)).toBeCloseTo(3.973 / 2, 10);
    const seen = new Set(s.sites.map((x) => x.frac.map((v) => v.toFixed(6)).join(" ")));
    expect(seen.size).toBe(10); // no site placed twice
  });

  it("orders sites by original site, then translation, and keeps site data", () => {
    const base = kMgF3();
    base.sites[0] = { ...base.sites[0], label: "K1", oxidationState: 1 };
    const s = makeSupercell(base, 2);
    expect(s.sites.slice(0, 8).every((x) => x.label === "K1" && x.oxidationState === 1)).toBe(true);
    expect(s.sites[0].frac).toEqual([0.25, 0.25, 0.25]);
    expect(s.sites[1].frac).toEqual([0.25, 0.25, 0.75]);
    expect(makeSupercell(base, 2)).toEqual(s);
  });

  it("refuses singular or non-integer matrices", () => {
    expect(() => makeSupercell(caF2(), [[1, 0, 0], [2, 0, 0], [0, 0, 1]])).toThrow(/singular/);
    expect(() => makeSupercell(caF2(), 1.5)).toThrow(/integer/);
  });
});
