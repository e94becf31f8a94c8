import { describe, expect, it } from "vitest";
import { ELEMENTS } from "./element-table";
import {
  atomicMass, atomicNumber, commonOxidationStates, electronegativity, elementSymbol, isElement, oxidationStates,
} from "./elements";

describe("element table", () => {
  it("covers H..Lr with consecutive atomic numbers and unique symbols", () => {
    expect(ELEMENTS.length).toBe(103);
    expect(new Set(ELEMENTS.map((e) => e.symbol)).size).toBe(103);
    for (const sym of ["H", "He", "F", "Ca", "Fe", "La", "Lu", "Pb", "U", "Pu"]) {
      expect(elementSymbol(atomicNumber(sym))).toBe(sym);
    }
  });

  it("has the periodic-table atomic numbers", () => {
    // Atomic numbers from any periodic table.
    expect(atomicNumber("H")).toBe(1);
    expect(atomicNumber("F")).toBe(9);
    expect(atomicNumber("Ca")).toBe(20);
    expect(atomicNumber("Fe")).toBe(26);
    expect(atomicNumber("La")).toBe(57);
    expect(atomicNumber("Pb")).toBe(82);
    expect(atomicNumber("Pu")).toBe(94);
  });

  it("rejects what is not an element, clearly", () => {
    expect(() => atomicNumber("Xx")).toThrow(/unknown element "Xx"/);
    expect(() => atomicNumber("ca")).toThrow(/unknown element/);
    expect(() => elementSymbol(0)).toThrow(/atomic number 0/);
    expect(() => elementSymbol(2.5)).toThrow();
    expect(isElement("Ca")).toBe(true);
    expect(isElement("CA")).toBe(false);
  });

  it("gives IUPAC standard atomic weights", () => {
    // IUPAC CIAAW standard atomic weights: F 18.998403163, Ca 40.078(4), Li conventional 6.94.
    expect(atomicMass("F")).toBeCloseTo(18.998403163, 9);
    expect(atomicMass("Ca")).toBeCloseTo(40.078, 6);
    expect(atomicMass("Li")).toBeCloseTo(6.94, 6);
    // Up to U, masses grow with Z except for the known inversions Ar/K, Co/Ni, Te/I, Th/Pa.
    const inversions = ELEMENTS.filter((e, i) => i > 0 && e.z <= 92 && e.massU < ELEMENTS[i - 1].massU);
    expect(inversions.map((e) => e.symbol)).toEqual(["K", "Ni", "I", "Pa"]);
  });

  it("gives Pauling electronegativities, none for light noble gases", () => {
    // Pauling scale: F is the most electronegative (3.98), Cs among the least (0.79).
    expect(electronegativity("F")).toBe(3.98);
    expect(electronegativity("O")).toBe(3.44);
    expect(electronegativity("Cs")).toBe(0.79);
    expect(electronegativity("Ar")).toBeNull();
    const max = Math.max(...ELEMENTS.map((e) => e.paulingEn ?? -1));
    expect(max).toBe(3.98);
  });

  it("lists common oxidation states as in Greenwood & Earnshaw", () => {
    expect(commonOxidationStates("F")).toEqual([-1]);
    expect(commonOxidationStates("Fe")).toEqual([2, 3]);
    expect(commonOxidationStates("La")).toEqual([3]);
    expect(oxidationStates("Ni")).toEqual([2, 3, 4]);
    // Every element up to Pu except He, Ne, Ar has at least one common state.
    const missing = ELEMENTS.filter((e) => e.z <= 94 && e.commonOxidationStates.length === 0).map((e) => e.symbol);
    expect(missing).toEqual(["He", "Ne", "Ar"]);
  });
});
