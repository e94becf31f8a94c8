import { describe, expect, it } from "vitest";
import { toPymatgenDict } from "../io/pymatgen-json";
import { caF2, kMgF3 } from "../structure/reference-crystals";
import { mpDocumentToImportInput, mpQueryKey, mpSummaryUrl, parseMpSummaryPage } from "./materials-project";

describe("Materials Project summary search", () => {
  it("asks for the import's fields with the filters and paging of the query", () => {
    const url = new URL(mpSummaryUrl("https://api.example", { elements: ["F", "Li"], nsitesMax: 50, energyAboveHullMax: 0.1 }, 200, 100));
    expect(url.pathname).toBe("/materials/summary/");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      elements: "F,Li",
      nsites_max: "50",
      energy_above_hull_max: "0.1",
      deprecated: "false",
      _fields: "material_id,structure,energy_per_atom,formation_energy_per_atom,energy_above_hull,nsites",
      _limit: "100",
      _skip: "200",
    });
  });

  it("keys a query by its content, whatever the order of its elements", () => {
    expect(mpQueryKey("https://a/", { elements: ["Li", "F"] })).toBe(mpQueryKey("https://a", { elements: ["F", "Li"] }));
    expect(mpQueryKey("https://a", { elements: ["F"], nsitesMax: 20 })).not.toBe(mpQueryKey("https://a", { elements: ["F"] }));
  });

  it("reads data and meta.total_doc, and refuses an answer of another shape", () => {
    expect(parseMpSummaryPage({ data: [1, 2], meta: { total_doc: 40 } })).toEqual({ documents: [1, 2], totalDocuments: 40 });
    expect(() => parseMpSummaryPage({ detail: "Not Found" })).toThrow(/no 'data' list/);
  });
});

describe("mpDocumentToImportInput", () => {
  it("stores the energy of the stored (primitive) cell: energy_per_atom × its sites", () => {
    // The conventional fluorite cell holds 12 atoms, its primitive cell 3.
    const r = mpDocumentToImportInput({
      material_id: "mp-2741",
      structure: toPymatgenDict(caF2()),
      energy_per_atom: -5,
      formation_energy_per_atom: -4.1,
      energy_above_hull: 0,
      nsites: 12,
    });
    expect(r).toMatchObject({
      ok: true,
      input: { source: "mp", sourceId: "mp-2741", energies: { finalEnergy: -15, energyAboveHull: 0, formationEnergyPerAtom: -4.1 } },
    });
  });

  it("leaves energies out when the document has none", () => {
    const r = mpDocumentToImportInput({ material_id: "mp-1", structure: toPymatgenDict(kMgF3()) });
    expect(r.ok && r.input.energies).toBe(undefined);
  });

  it("skips mixed sites as disordered and broken documents as malformed", () => {
    const d = toPymatgenDict(kMgF3()) as { sites: { species: unknown[] }[] };
    d.sites[1].species = [{ element: "Mg", occu: 0.5 }, { element: "Ca", occu: 0.5 }];
    expect(mpDocumentToImportInput({ material_id: "mp-9", structure: d })).toMatchObject({ ok: false, id: "mp-9", reason: "disordered" });
    expect(mpDocumentToImportInput({ material_id: "mp-9", structure: toPymatgenDict(kMgF3()), nsites: 7 })).toMatchObject({
      ok: false,
      reason: "malformed structure",
    });
    expect(mpDocumentToImportInput({ structure: {} })).toMatchObject({ ok: false, reason: "malformed entry" });
    expect(mpDocumentToImportInput({ material_id: "mp-3" })).toMatchObject({ ok: false, reason: "missing structure" });
  });
});
