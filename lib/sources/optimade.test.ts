import { describe, expect, it } from "vitest";
import { fracToCart } from "../structure/lattice";
import { kMgF3 } from "../structure/reference-crystals";
import {
  optimadeEntryToImportInput,
  optimadeEntryToStructure,
  optimadeFirstPageUrl,
  optimadeStructuresEndpoint,
  parseOptimadePage,
} from "./optimade";

const perovskite = kMgF3();
const attributes = {
  lattice_vectors: perovskite.lattice,
  cartesian_site_positions: perovskite.sites.map((s) => fracToCart(perovskite.lattice, s.frac)),
  species_at_sites: perovskite.sites.map((s) => s.species),
  species: ["K", "Mg", "F"].map((el) => ({ name: el, chemical_symbols: [el], concentration: [1] })),
  structure_features: [],
};

describe("optimadeEntryToStructure", () => {
  it("gives back the fractional coordinates the Cartesian positions came from", () => {
    const r = optimadeEntryToStructure({ id: "x-1", type: "structures", attributes });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.structure.lattice).toEqual(perovskite.lattice);
    r.structure.sites.forEach((s, i) => {
      expect(s.species).toBe(perovskite.sites[i].species);
      for (let k = 0; k < 3; k++) expect(s.frac[k]).toBeCloseTo(perovskite.sites[i].frac[k], 12);
    });
  });

  it.each([
    ["disorder flag", { structure_features: ["disorder"] }, "disordered"],
    ["site attachments", { structure_features: ["site_attachments"] }, "site attachments"],
    ["implicit atoms", { structure_features: ["implicit_atoms"] }, "implicit atoms"],
    ["two symbols on a species", { species: [{ name: "K", chemical_symbols: ["K", "Rb"], concentration: [0.5, 0.5] }, ...attributes.species.slice(1)] }, "disordered"],
    ["a vacancy", { species: [...attributes.species.slice(0, 2), { name: "F", chemical_symbols: ["vacancy"], concentration: [1] }] }, "disordered"],
    ["an unknown element", { species: [...attributes.species.slice(0, 2), { name: "F", chemical_symbols: ["X"], concentration: [1] }] }, "unknown species"],
    ["a 2D entry", { dimension_types: [1, 1, 0], nperiodic_dimensions: 2 }, "not periodic in 3D"],
    ["a null lattice vector", { lattice_vectors: [[1, 0, 0], [0, 1, 0], [null, null, null]] }, "missing lattice"],
    ["no positions", { cartesian_site_positions: undefined }, "missing positions"],
    ["a null position", { cartesian_site_positions: [[0, 0, 0], null, [1, 1, 1], [1, 1, 1], [1, 1, 1]] }, "missing positions"],
  ])("skips an entry with %s", (_what, change, reason) => {
    const r = optimadeEntryToStructure({ id: "x-2", attributes: { ...attributes, ...change } });
    expect(r).toMatchObject({ ok: false, id: "x-2", reason });
  });

  it("reads species names that are elements when the provider leaves out `species`", () => {
    const r = optimadeEntryToStructure({ id: 7, attributes: { ...attributes, species: undefined } });
    expect(r).toMatchObject({ ok: true, id: "7" });
  });

  it("names the import by the entry's URL at the provider", () => {
    const r = optimadeEntryToImportInput({ id: "mp-1/a", attributes }, "https://p.example/v1/structures");
    expect(r).toMatchObject({ ok: true, input: { source: "optimade", sourceId: "https://p.example/v1/structures/mp-1%2Fa" } });
  });
});

describe("OPTIMADE URLs and pages", () => {
  it("finds the structures endpoint from a base URL, a versioned URL or the endpoint itself", () => {
    for (const given of ["https://p.example/optimade", "https://p.example/optimade/", "https://p.example/optimade/v1", "https://p.example/optimade/v1/structures?x=1"]) {
      expect(optimadeStructuresEndpoint(given)).toBe("https://p.example/optimade/v1/structures");
    }
    const first = new URL(optimadeFirstPageUrl("https://p.example/v1/structures", 'elements HAS "F"', 10));
    expect(first.searchParams.get("filter")).toBe('elements HAS "F"');
    expect(first.searchParams.get("page_limit")).toBe("10");
  });

  it("follows a next link given as a string or as a links object, relative links included", () => {
    const page = "https://p.example/v1/structures?filter=x";
    expect(parseOptimadePage({ data: [], links: { next: "https://p.example/v1/structures?page_offset=5" } }, page).next).toBe(
      "https://p.example/v1/structures?page_offset=5",
    );
    expect(parseOptimadePage({ data: [], links: { next: { href: "/v1/structures?page_offset=9", meta: {} } } }, page).next).toBe(
      "https://p.example/v1/structures?page_offset=9",
    );
    expect(parseOptimadePage({ data: [{}], links: { next: null }, meta: { data_returned: 1 } }, page)).toEqual({ entries: [{}], next: undefined, total: 1 });
  });

  it("refuses a next link to another server", () => {
    expect(() => parseOptimadePage({ data: [], links: { next: "http://169.254.169.254/latest" } }, "https://p.example/v1/structures")).toThrow(
      /another server/,
    );
  });

  it("reports an error document's message", () => {
    expect(() => parseOptimadePage({ errors: [{ title: "Bad Request", detail: "bad filter" }] }, "https://p.example/")).toThrow(
      "OPTIMADE: the answer has no 'data' list: Bad Request bad filter",
    );
  });
});
