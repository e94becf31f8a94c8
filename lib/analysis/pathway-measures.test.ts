import { describe, expect, it } from "vitest";
import { buildHopImages } from "../interpolation/hop-images";
import { ewaldEnergyMeasure } from "../measures/ewald-energy";
import { ionicRadiiOverlap } from "../measures/ionic-radii-overlap";
import { assignOxidationStates } from "../oxidation/assign-oxidation-states";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { caF2 } from "../structure/reference-crystals";
import { hopImageSet } from "./hop-image-set";
import { pathwayMeasures } from "./pathway-measures";

// Fluorite CaF2, a = 5.4626 Å; its shortest F–F hop (a/2) in the IDPP band of lib/interpolation.
const structure = caF2();
const oxidationStates = assignOxidationStates(structure);
const pathways = findDistinctPathways(structure, { ion: "F", maxLength: 4 });
const pathway = pathways[0];
const images = buildHopImages(structure, pathway, { nImages: 5 });

describe("hopImageSet", () => {
  it("traces every supercell atom back to its own site", () => {
    // Label each input site with a distinct number in place of a charge: an atom of the band must
    // carry its own site's label. The supercell repeats each site m1·m2·m3 times, less the two hop
    // sites (each emptied once), and atom 0, the moving ion, carries its start site's label.
    const labels = structure.sites.map((_, s) => s + 1);
    const set = hopImageSet(structure, labels, pathway, images);
    const cells = images.multipliers[0] * images.multipliers[1] * images.multipliers[2];
    const count = (l: number) => set.oxidationStates.filter((x) => x === l).length;
    expect(set.oxidationStates[0]).toBe(pathway.startSite + 1);
    labels.forEach((l, s) => {
      const expected = s === pathway.startSite ? cells : s === pathway.endSite ? cells - 1 : cells;
      expect(count(l)).toBe(expected);
    });
  });
});

describe("pathwayMeasures on the fluorite nearest hop", () => {
  const m = pathwayMeasures({ structure, oxidationStates, pathways, pathway, images });

  it("gives F⁻ and a 3D network", () => {
    // −1 from the charge-balanced assignment Ca²⁺F⁻₂; 3D: the a/2 hops join the simple-cubic F sublattice.
    expect(m.oxidationState).toBe(-1);
    expect(m.dimensionality).toBe(3);
    expect(m.dimensionalityCumlengths).toBe(3);
  });

  it("agrees with the measures computed on charges set by species", () => {
    // An independent route to the same image set: Ca +2, F −1 by element (valid for CaF2, which has
    // one charge per element), then lib/measures directly.
    const set = { ...images, oxidationStates: images.species.map((s) => (s === "Ca" ? 2 : -1)) };
    const overlap = ionicRadiiOverlap(set);
    expect(m.ewaldEnergy).toBe(ewaldEnergyMeasure(set).relativeRise);
    expect(m.ionicRadiiOverlapCations).toBe(overlap.cationChangeA);
    expect(m.ionicRadiiOverlapAnions).toBe(overlap.anionChangeA);
  });

  it("the F⁻ squeezes between two Ca²⁺: the cation overlap grows, bounded by the straight path's", () => {
    // Straight hop: from 2.3654 Å (a√3/4) to two Ca at a√2/4 = 1.9313 Å at the midpoint, an overlap
    // change of 0.434 Å (Shannon CN6 radii cancel in the change). IDPP may only ease that by moving off
    // the line or moving the Ca, so the change is positive and not above 0.434 Å.
    expect(m.ionicRadiiOverlapCations).toBeGreaterThan(0);
    expect(m.ionicRadiiOverlapCations!).toBeLessThanOrEqual(0.434 + 1e-3);
  });

  it("leaves the charge-based measures null without oxidation states, keeps dimensionality", () => {
    const none = pathwayMeasures({ structure, oxidationStates: null, pathways, pathway, images });
    expect(none).toEqual({ ...m, oxidationState: 0, ewaldEnergy: null, ionicRadiiOverlapCations: null, ionicRadiiOverlapAnions: null });
  });
});
