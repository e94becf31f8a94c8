import { structureFromPymatgenDict } from "../io/pymatgen-json";
import type { StructureImportInput } from "../records/structure-import-input";
import type { Structure } from "../structure/structure";
import { sanitizeStructure } from "../symmetry/sanitize";
import { type SourceEntryResult, errorText, isObject } from "./source-entry";

/**
 * The Materials Project's current API (api.materialsproject.org), its materials summary search:
 * GET {base}/materials/summary/ with query parameters. The field names and the filter suffixes
 * (`nsites_max`, `energy_above_hull_max`) are those the official mp-api client sends; paging is by
 * `_limit` and `_skip`, and the answer is `{ data: [...], meta: { total_doc, ... } }`.
 */
export const MP_DEFAULT_BASE_URL = "https://api.materialsproject.org";

/** The fields an import needs, and no more (a summary document holds dozens). */
export const MP_SUMMARY_FIELDS = [
  "material_id",
  "structure",
  "energy_per_atom",
  "formation_energy_per_atom",
  "energy_above_hull",
  "nsites",
] as const;

export interface MpSummaryQuery {
  /** Every material must contain all of these elements, e.g. ["F"]. */
  elements: string[];
  /** Largest number of sites of the material's (primitive) cell. */
  nsitesMax?: number;
  /** Largest energy above the convex hull, eV/atom. */
  energyAboveHullMax?: number;
  /** Leave out materials the Materials Project marks deprecated (default true). */
  excludeDeprecated?: boolean;
}

/** The URL of one page of the summary search: `limit` documents after the first `skip`. */
export function mpSummaryUrl(baseUrl: string, query: MpSummaryQuery, skip: number, limit: number): string {
  const url = new URL("materials/summary/", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const p = url.searchParams;
  if (query.elements.length === 0) throw new Error("the Materials Project search needs at least one element");
  p.set("elements", query.elements.join(","));
  if (query.nsitesMax !== undefined) p.set("nsites_max", String(query.nsitesMax));
  if (query.energyAboveHullMax !== undefined) p.set("energy_above_hull_max", String(query.energyAboveHullMax));
  if (query.excludeDeprecated ?? true) p.set("deprecated", "false");
  p.set("_fields", MP_SUMMARY_FIELDS.join(","));
  p.set("_limit", String(limit));
  p.set("_skip", String(skip));
  return url.toString();
}

/** A stable name of a query, for the progress record: the same query resumes the same cursor. */
export function mpQueryKey(baseUrl: string, query: MpSummaryQuery): string {
  const parts = [
    `elements=${[...query.elements].sort().join(",")}`,
    query.nsitesMax !== undefined ? `nsites_max=${query.nsitesMax}` : "",
    query.energyAboveHullMax !== undefined ? `energy_above_hull_max=${query.energyAboveHullMax}` : "",
    (query.excludeDeprecated ?? true) ? "deprecated=false" : "",
  ].filter(Boolean);
  return `mp:${baseUrl.replace(/\/+$/, "")}?${parts.join("&")}`;
}

export interface MpSummaryPage {
  documents: unknown[];
  /** meta.total_doc: how many documents match the query in all. */
  totalDocuments?: number;
}

/** The documents of one answer. Throws when the answer is not of the summary search's shape. */
export function parseMpSummaryPage(body: unknown): MpSummaryPage {
  if (!isObject(body) || !Array.isArray(body.data)) {
    throw new Error("Materials Project: the answer has no 'data' list; is the base URL the Materials Project API?");
  }
  const total = isObject(body.meta) ? body.meta.total_doc : undefined;
  return { documents: body.data, totalDocuments: typeof total === "number" && Number.isFinite(total) ? total : undefined };
}

const finiteOrUndefined = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

/**
 * One summary document as an import input: source "mp", sourceId the material id, the structure from
 * the pymatgen-shaped `structure` field, and the energies (eV): energyAboveHull and
 * formationEnergyPerAtom as given (per atom), and finalEnergy = energy_per_atom × the number of sites
 * of the cell the structures table stores, the sanitised primitive cell (lib/symmetry/sanitize.ts), so
 * that the stored energy belongs to the stored cell. For the usual Materials Project document, whose
 * cell is already primitive, that number is its own nsites. A document that cannot be read is
 * skipped with a reason.
 */
export function mpDocumentToImportInput(doc: unknown): SourceEntryResult {
  if (!isObject(doc)) return { ok: false, reason: "malformed entry", detail: "a summary document is not an object" };
  const id = doc.material_id;
  if (typeof id !== "string" || id.trim() === "") {
    return { ok: false, reason: "malformed entry", detail: "a summary document has no material_id" };
  }
  if (doc.structure === undefined || doc.structure === null) {
    return { ok: false, id, reason: "missing structure", detail: `${id} has no structure` };
  }
  let structure: Structure;
  let storedSites: number;
  try {
    structure = structureFromPymatgenDict(doc.structure);
    storedSites = sanitizeStructure(structure).sites.length;
  } catch (e) {
    const message = errorText(e);
    const reason = /mixed site|partially occupied/.test(message) ? "disordered" : "malformed structure";
    return { ok: false, id, reason, detail: `${id}: ${message}` };
  }
  const nsites = finiteOrUndefined(doc.nsites);
  if (nsites !== undefined && nsites !== structure.sites.length) {
    return {
      ok: false,
      id,
      reason: "malformed structure",
      detail: `${id}: nsites is ${nsites} but the structure has ${structure.sites.length} sites`,
    };
  }
  const perAtom = finiteOrUndefined(doc.energy_per_atom);
  const energies = {
    finalEnergy: perAtom === undefined ? undefined : perAtom * storedSites,
    energyAboveHull: finiteOrUndefined(doc.energy_above_hull),
    formationEnergyPerAtom: finiteOrUndefined(doc.formation_energy_per_atom),
  };
  const known = Object.values(energies).some((v) => v !== undefined);
  const input: StructureImportInput = { source: "mp", sourceId: id, structure, ...(known ? { energies } : {}) };
  return { ok: true, id, input };
}
