import { describe, expect, it } from "vitest";
import { caF2, liF } from "../structure/reference-crystals";
import { inputRecords, structureRecord } from "./structure-record";

const A_CAF2 = 5.4626;
// Avogadro constant (exact, SI 2019) and IUPAC standard atomic weights of Ca and F.
const N_A = 6.02214076e23;
const M_CAF2 = 40.078 + 2 * 18.998403163;

describe("structureRecord", () => {
  it("describes fluorite by its sanitised primitive cell", () => {
    const r = structureRecord(caF2(A_CAF2));
    expect(r).toMatchObject({
      formula: "CaF2",
      reducedFormula: "CaF2",
      chemsys: "Ca-F",
      elements: ["Ca", "F"],
      nelements: 2,
      // Fm-3m, No. 225; the fcc primitive cell holds one formula unit.
      spacegroupNumber: 225,
      nsites: 3,
    });
    expect(r.structure.sites).toHaveLength(3);
    // The primitive cell of an fcc lattice has a quarter of the conventional volume.
    expect(r.volumeA3).toBeCloseTo(A_CAF2 ** 3 / 4, 6);
    // X-ray density: Z = 4 formula units per conventional cell, ρ = Z·M / (N_A·a³) ≈ 3.18 g/cm³.
    expect(r.densityGPerCm3).toBeCloseTo((4 * M_CAF2) / (N_A * (A_CAF2 * 1e-8) ** 3), 6);
  });

  it("gives the same crystal the same fingerprint whatever the cell, and another crystal another", () => {
    const conventional = structureRecord(caF2());
    const shifted = structureRecord({
      ...caF2(),
      sites: caF2().sites.map((s) => ({ ...s, frac: s.frac.map((x) => (x + 0.3) % 1) as [number, number, number] })),
    });
    expect(shifted.fingerprint).toBe(conventional.fingerprint);
    expect(structureRecord(liF()).fingerprint).not.toBe(conventional.fingerprint);
  });
});

describe("inputRecords", () => {
  it("passes the reader's error on for malformed text", () => {
    expect(() => inputRecords({ source: "upload", text: "not a structure", filename: "x.cif" })).toThrow(/CIF/);
  });

  it("takes a given structure as it is", () => {
    expect(inputRecords({ source: "library", structure: liF() }).map((r) => r.reducedFormula)).toEqual(["LiF"]);
  });
});
