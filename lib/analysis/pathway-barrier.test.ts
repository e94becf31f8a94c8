import { describe, expect, it } from "vitest";
import { buildHopImages } from "../interpolation/hop-images";
import { assignOxidationStates } from "../oxidation/assign-oxidation-states";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { caF2, na3AlF6Cubic } from "../structure/reference-crystals";
import type { Structure } from "../structure/structure";
import { pathwayBarrier } from "./pathway-barrier";

const barrierOf = (structure: Structure, index: number, nImages = 5) => {
  const oxidationStates = assignOxidationStates(structure);
  const pathway = findDistinctPathways(structure, { ion: "F", maxLength: 4, limit: index + 1 })[index];
  const images = buildHopImages(structure, pathway, { nImages });
  return { images, barrier: pathwayBarrier({ structure, oxidationStates, pathway, images }) };
};

describe("pathwayBarrier on the fluorite nearest F–F hop (a = 5.4626 Å)", () => {
  const { images, barrier: b } = barrierOf(caF2(), 0);

  it("IDPP profile: symmetric, so the midpoint estimate is the barrier", () => {
    // A mirror plane halfway between the two F sites maps the start onto the end: E_start = E_end,
    // and the single peak of a symmetric band with an odd image count is its middle image.
    expect(b.idpp.energies).toHaveLength(images.images.length);
    expect(Math.abs(b.energyStart - b.energyEnd)).toBeLessThan(1e-6);
    expect(b.energyStart).toBe(b.idpp.energies[0]);
    expect(b.energyBarrier).toBeCloseTo(b.idpp.barrier, 9);
    expect(b.idpp.barrier).toBeGreaterThan(0);
  });

  it("relaxed: a converged climbing-image NEB of ≥ 9 movable images, no higher than the IDPP band, symmetric", () => {
    // NEB from the IDPP positions in the same fixed field can only lower the highest point of the band
    // (the minimum energy path's saddle lies at or below any path's maximum); the ends are fixed, so
    // forward and reverse barriers differ by E_end − E_start = 0.
    expect(b.relaxed.energies.length).toBeGreaterThanOrEqual(11);
    expect(b.relaxed.converged).toBe(true);
    expect(b.relaxed.climbingImage).toBe(true);
    expect(b.relaxed.barrier).toBeGreaterThan(0);
    expect(b.relaxed.barrier).toBeLessThanOrEqual(b.idpp.barrier + 1e-6);
    expect(b.relaxed.reverseBarrier).toBeCloseTo(b.relaxed.barrier, 6);
  });

  it("uses the IDPP band's own length when it has more images than asked for the NEB", () => {
    const { barrier } = barrierOf(caF2(), 0, 11);
    expect(barrier.idpp.energies).toHaveLength(13);
    expect(barrier.relaxed.energies).toHaveLength(13);
  });
});

describe("pathwayBarrier when the hop's end points are not minima", () => {
  it("cubic Na3AlF6, the octahedron-edge hop: still a converged band no higher than IDPP", () => {
    // With both hop sites emptied, the F⁻ slides downhill from its site (the IDPP band already dips
    // below its start next to the ends): the relaxed band lies below the fixed ends everywhere and a
    // climbing image has no saddle to find. It must still come back converged (plain NEB), its
    // highest point at the ends (barrier 0).
    const { barrier } = barrierOf(na3AlF6Cubic(), 0);
    expect(barrier.relaxed.converged).toBe(true);
    expect(barrier.relaxed.barrier).toBeLessThanOrEqual(barrier.idpp.barrier + 1e-6);
    expect(barrier.relaxed.barrier).toBeCloseTo(0, 6);
  });
});
