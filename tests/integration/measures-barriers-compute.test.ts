import { describe, expect, it } from "vitest";
import { buildHopImages } from "../../lib/interpolation/hop-images";
import { findDistinctPathways } from "../../lib/pathways/distinct-hops";
import { structureRecord } from "../../lib/records/structure-record";
import { liF } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";
import { computeBarrier } from "../../workers/stages/barriers";
import { computeMeasures, type MeasuresInput } from "../../workers/stages/measures";
import { computePercolation } from "../../workers/stages/percolation";
import { liCl } from "./engine-fixtures";

// The stages' computations on inputs the pipeline test does not produce: a hop stored without its
// band, and structures the criteria would normally keep away.
const rockSalt = structureRecord(liF()).structure;
const hops = findDistinctPathways(rockSalt, { ion: "F", maxLength: 5, limit: 5 });

const inputOf = (structure: Structure, index: number, withImages: boolean): MeasuresInput => {
  const p = hops[index];
  return {
    pathwayId: 1,
    structure,
    pathway: {
      index: p.index,
      lengthA: p.lengthA,
      hops: p.hops,
      startCart: p.startCart,
      startSite: p.startSite,
      images: withImages ? buildHopImages(structure, p, { nImages: 5 }) : null,
      imagesError: withImages ? null : "the band clashes",
    },
    structureHops: hops.map((h) => ({ index: h.index, lengthA: h.lengthA, hops: h.hops })),
  };
};

describe("the measures, barriers and percolation computations", () => {
  it("measures a hop without a band by its network alone, and says why the rest is missing", () => {
    const withBand = computeMeasures(inputOf(rockSalt, 0, true));
    const without = computeMeasures(inputOf(rockSalt, 0, false));
    // F in rock salt is an fcc sublattice: its a/√2 hops connect it in three dimensions.
    expect(withBand).toMatchObject({ oxidationState: -1, dimensionality: 3, dimensionalityCumlengths: 3, skipped: null });
    expect(withBand.ewaldEnergy).not.toBeNull();
    expect(without).toEqual({
      oxidationState: -1,
      dimensionality: 3,
      dimensionalityCumlengths: 3,
      ewaldEnergy: null,
      ionicRadiiOverlapCations: null,
      ionicRadiiOverlapAnions: null,
      skipped: "no IDPP images: the band clashes",
    });
  });

  it("refuses a barrier without a band or without charges, with the reason as the run's error", () => {
    expect(() => computeBarrier({ pathwayId: 1, structure: rockSalt, startCart: hops[0].startCart, images: null, imagesError: "the band clashes" }, { nebImages: 9 }))
      .toThrow("no IDPP images: the band clashes");
    const mgF: Structure = { ...rockSalt, sites: rockSalt.sites.map((s) => ({ ...s, species: s.species === "Li" ? "Mg" : s.species })) };
    const images = buildHopImages(mgF, hops[0], { nImages: 5 });
    expect(() => computeBarrier({ pathwayId: 1, structure: mgF, startCart: hops[0].startCart, images, imagesError: null }, { nebImages: 9 }))
      .toThrow(/^no oxidation states: no charge-balanced assignment/);
  });

  it("refuses percolation of an ion the structure does not have", () => {
    expect(() => computePercolation(structureRecord(liCl()).structure, { ion: "F", gridSpacingA: 0.2 })).toThrow("percolation: the structure has no F");
  });
});
