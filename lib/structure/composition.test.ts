import { describe, expect, it } from "vitest";
import {
  chemicalSystem, compositionOf, formula, nelements, parseFormula, reducedFormula, reducedFormulaAndFactor,
  sortedElements,
} from "./composition";
import { caF2, k2NiF4 } from "./reference-crystals";

// Expected strings follow pymatgen's Composition.formula / reduced_formula / chemical_system.
describe("composition", () => {
  it("CaF2 conventional cell", () => {
    const comp = compositionOf(caF2());
    expect(comp).toEqual({ Ca: 4, F: 8 });
    expect(formula(comp)).toBe("Ca4F8");
    expect(reducedFormulaAndFactor(comp)).toEqual({ formula: "CaF2", factor: 4 });
    expect(chemicalSystem(comp)).toBe("Ca-F");
    expect(nelements(comp)).toBe(2);
  });

  it("K2NiF4 orders cations by electronegativity before fluorine", () => {
    const comp = compositionOf(k2NiF4());
    expect(formula(comp)).toBe("K4Ni2F8");
    expect(reducedFormula(comp)).toBe("K2NiF4");
    expect(chemicalSystem(comp)).toBe("F-K-Ni");
    expect(sortedElements(comp)).toEqual(["K", "Ni", "F"]);
  });

  it("writes polyanions and special formulas as pymatgen does", () => {
    expect(reducedFormula(parseFormula("Ca3P2O8"))).toBe("Ca3(PO4)2");
    expect(reducedFormula(parseFormula("Li2S1O4"))).toBe("Li2SO4");
    expect(reducedFormula(parseFormula("Li4O4"))).toBe("Li2O2");
    expect(reducedFormula(parseFormula("F4"))).toBe("F2");
    expect(reducedFormula(parseFormula("Na6Al2F12"))).toBe("Na3AlF6");
  });

  it("parses nested and fractional formulas", () => {
    expect(parseFormula("Ca3(PO4)2")).toEqual({ Ca: 3, P: 2, O: 8 });
    expect(parseFormula("Li0.5CoO2")).toEqual({ Li: 0.5, Co: 1, O: 2 });
    expect(formula(parseFormula("Li0.5CoO2"))).toBe("Li0.5CoO2");
    expect(reducedFormula(parseFormula("Li0.5CoO2"))).toBe("Li0.5CoO2");
    expect(() => parseFormula("Xx2")).toThrow(/unknown element/);
    expect(() => parseFormula("Ca(F2")).toThrow(/parenthes/);
    expect(() => parseFormula("ca f2")).toThrow();
  });

  it("refuses a site that is not an element", () => {
    const s = caF2();
    s.sites[0] = { ...s.sites[0], species: "Vac" };
    expect(() => compositionOf(s)).toThrow(/unknown element "Vac"/);
  });
});
