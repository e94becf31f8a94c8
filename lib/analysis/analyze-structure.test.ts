import { describe, expect, it } from "vitest";
import { caF2, liF } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { type AnalyzeProgress, analyzeStructure } from "./analyze-structure";

/** Rock-salt "CaF": Ca in LiF's cell. No charge-balanced assignment exists (Ca is only +2). */
const caFRockSalt = (): Structure => ({ ...liF(4.8), sites: liF(4.8).sites.map((s) => (s.species === "Li" ? { ...s, species: "Ca" } : s)) });

describe("analyzeStructure", () => {
  it("fluorite, two hops: every stage's result, with progress up to the total", () => {
    const progress: AnalyzeProgress[] = [];
    const r = analyzeStructure(caF2(), { limit: 2 }, (p) => progress.push(p));
    expect(r.ion).toBe("F");
    expect(r.structure.reducedFormula).toBe("CaF2");
    expect(r.structure.oxidationStates.filter((x) => x === -1)).toHaveLength(8);
    expect(r.pathways).toHaveLength(2);
    // The a/2 hop, then a/√2 (F simple cubic with edge a/2 = 2.7313 Å).
    expect(r.pathways.map((p) => p.length)).toEqual([expect.closeTo(2.7313, 4), expect.closeTo(3.8626, 4)]);
    for (const p of r.pathways) {
      expect(p.measures.oxidationState).toBe(-1);
      expect(p.barrier).not.toBeNull();
      expect(p.skipped).toBeUndefined();
    }
    expect(r.percolation.framework["3D"]).toBeGreaterThan(0);
    // One step for the search, one per pathway, one for percolation.
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4)).toBe(true);
    // JSON-serialisable as it stands (no Infinity, NaN or typed arrays).
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("without a charge-balanced assignment: dimensionality still, charges and barriers skipped with the reason", () => {
    const r = analyzeStructure(caFRockSalt(), { limit: 1 });
    expect(r.structure.oxidationStates).toEqual([]);
    expect(r.percolation.framework).toEqual({ "1D": null, "2D": null, "3D": null });
    expect(r.percolation.skipped).toMatch(/no charge-balanced assignment/);
    const [p] = r.pathways;
    // fcc F sublattice joined by its nearest-neighbour hops: 3D whatever the charges.
    expect(p.measures).toEqual({
      oxidationState: 0,
      dimensionality: 3,
      dimensionalityCumlengths: 3,
      ewaldEnergy: null,
      ionicRadiiOverlapCations: null,
      ionicRadiiOverlapAnions: null,
    });
    expect(p.barrier).toBeNull();
    expect(p.skipped).toMatch(/no oxidation states/);
  });

  it("refuses a structure without the mobile ion", () => {
    expect(() => analyzeStructure(caF2(), { ion: "Li" })).toThrow(/no Li/);
  });
});
