import { describe, expect, it } from "vitest";
import { checkImagesMatchPathway } from "./vasp-result";

const parsed = {
  natoms: 6,
  species: ["F", "F", "F", "Li", "Li", "Ca"],
  types: [
    { element: "F", count: 3 },
    { element: "Li", count: 2 },
    { element: "Ca", count: 1 },
  ],
};

describe("checkImagesMatchPathway", () => {
  it("accepts a calculation of the exported cell", () => {
    expect(() => checkImagesMatchPathway(parsed, { natoms: 6, speciesOrder: ["F", "Li", "Ca"], counts: [3, 2, 1] })).not.toThrow();
  });

  it("refuses another atom count, species order or count per species, saying which", () => {
    expect(() => checkImagesMatchPathway(parsed, { natoms: 7, speciesOrder: ["F", "Li", "Ca"] }, "image 03")).toThrow(
      "image 03 has 6 atoms, but the hop's supercell has 7",
    );
    expect(() => checkImagesMatchPathway(parsed, { natoms: 6, speciesOrder: ["Li", "F", "Ca"] })).toThrow(
      "the calculation has species F Li Ca, but the hop's POSCARs have Li F Ca (in that order)",
    );
    expect(() => checkImagesMatchPathway(parsed, { natoms: 6, speciesOrder: ["F", "Li", "Ca"], counts: [2, 3, 1] })).toThrow(
      /has 3 2 1 atoms per species, but the hop's POSCARs have 2 3 1/,
    );
  });
});
