import { describe, expect, it } from "vitest";
import { pathwayScene } from "./pathway-scene";
import { testBand as band } from "./pathway-test-band";

describe("pathway scene", () => {
  it("keeps the atoms near the trail at their nearest periodic copies", () => {
    // Trail points (x, 1, 2), x from 0.5 to 2.5; Ca copies at (2 + 4i, 2 + 4j, 2 + 4k). Within 3 Å:
    // (2, 2, 2) at 1.01 Å and (−2, 2, 2) at 2.69 Å (from x = 0.5); (2, −2, 2) is 3.005 Å away.
    const scene = pathwayScene(band, 3);
    expect(scene.atoms.map((a) => a.positions[0]).sort((a, b) => a[0] - b[0])).toEqual([
      [-2, 2, 2],
      [2, 2, 2],
    ]);
    expect(scene.atoms.every((a) => a.species === "Ca" && a.positions.length === 4)).toBe(true);
    expect(scene.trail).toHaveLength(4);
  });
});
