import { describe, expect, it } from "vitest";
import { buildHopImages } from "../interpolation/hop-images";
import { findDistinctPathways } from "../pathways/distinct-hops";
import { inverseLattice } from "../structure/lattice";
import { caF2 } from "../structure/reference-crystals";
import { vecMat } from "../structure/vector";
import { BvseField } from "./bvse";
import { nudgedElasticBand } from "./neb";
import { bvseImageProfile, energyProfile } from "./profile";

describe("BVSE profiles and NEB over IDPP images of the fluorite nearest F–F hop", () => {
  // CaF2 (a = 5.4626 Å), the shortest F–F hop (a/2) in its IDPP supercell band from lib/interpolation.
  // Expectations: the mirror plane between the two sites makes the profile symmetric; a converged
  // climbing-image NEB started from the IDPP band cannot end above the band's own highest point.
  const structure = caF2();
  const hop = buildHopImages(structure, findDistinctPathways(structure, { ion: "F", maxLength: 3 })[0], { nImages: 9 });
  const oxidationStates = hop.species.map((s) => (s === "Ca" ? 2 : -1));
  const set = { ...hop, oxidationStates };

  it("the per-image BVSE profile is symmetric with a positive barrier", () => {
    const p = bvseImageProfile(set, { mobileOxidationState: -1 });
    const e = p.energies;
    expect(e).toHaveLength(11);
    for (let k = 0; k < e.length; k++) expect(e[k]).toBeCloseTo(e[e.length - 1 - k], 4);
    expect(p.barrier).toBeGreaterThan(0);
    expect(p.energyBarrier).toBeCloseTo(p.energyMidpoint - p.energyStart, 4);
  });

  it("NEB from the IDPP band in the start image's field ends no higher than the band", () => {
    const inverse = inverseLattice(hop.lattice);
    const field = new BvseField(
      {
        lattice: hop.lattice,
        sites: hop.images[0].slice(1).map((p, a) => ({ species: hop.species[a + 1], frac: vecMat(p, inverse), oxidationState: oxidationStates[a + 1] })),
      },
      { mobileSpecies: "F", mobileOxidationState: -1, mode: "vacancy-hop" },
    );
    const path = hop.images.map((image) => image[0]);
    const idpp = energyProfile(field, path);
    const neb = nudgedElasticBand(field, path[0], path[path.length - 1], { initialPath: path });
    expect(neb.converged).toBe(true);
    expect(Math.max(...neb.energies) - neb.energies[0]).toBeLessThanOrEqual(idpp.barrier + 1e-6);
  });
});
