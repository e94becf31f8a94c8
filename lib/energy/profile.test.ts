import { describe, expect, it } from "vitest";
import { barrierSummary, energyProfile } from "./profile";

// Expected values follow from the definitions in profile.ts applied by hand.
describe("barrierSummary", () => {
  it("asymmetric profile with an odd number of images", () => {
    const s = barrierSummary([0, 0.2, 0.5, 0.3, 0.1]);
    expect(s.barrier).toBeCloseTo(0.5, 12);
    expect(s.reverseBarrier).toBeCloseTo(0.4, 12);
    expect(s.energyMidpoint).toBe(0.5);
    expect(s.energyBarrier).toBeCloseTo(0.5, 12); // max(0.5 − 0, 0.5 − 0.1)
  });

  it("even number of images: the midpoint is the mean of the two central images", () => {
    const s = barrierSummary([1, 1.4, 1.6, 1.2]);
    expect(s.energyMidpoint).toBeCloseTo(1.5, 12);
    expect(s.energyBarrier).toBeCloseTo(0.5, 12); // max(1.5 − 1, 1.5 − 1.2)
    expect(s.barrier).toBeCloseTo(0.6, 12);
  });

  it("a downhill path has no forward barrier beyond the start; midpoint barrier may be negative", () => {
    const s = barrierSummary([2, 1.5, 1, 0.5, 0]);
    expect(s.barrier).toBe(0);
    expect(s.reverseBarrier).toBe(2);
    expect(s.energyBarrier).toBeCloseTo(1, 12); // max(1 − 2, 1 − 0)
  });

  it("evaluates a field along positions and refuses a single point", () => {
    const s = energyProfile({ energyAt: (p) => p[0] * (1 - p[0]) }, [[0, 0, 0], [0.5, 0, 0], [1, 0, 0]]);
    expect(s.energies).toEqual([0, 0.25, 0]);
    expect(s.barrier).toBe(0.25);
    expect(() => barrierSummary([1])).toThrow();
  });
});
