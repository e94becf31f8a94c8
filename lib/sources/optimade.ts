import { isElement } from "../elements/elements";
import { type Lattice, cartToFrac, inverseLattice, latticeVolume, wrapFrac } from "../structure/lattice";
import type { Site, Structure } from "../structure/structure";
import type { Vec3 } from "../structure/vector";
import { type SourceEntryResult, errorText, isObject } from "./source-entry";

/**
 * OPTIMADE (any provider's `/v1/structures` endpoint): the query URL, the page shape and the
 * conversion of a structures entry to a Structure. Only fully ordered, fully occupied, three-dimensional
 * periodic entries are imported; the others are skipped with a counted reason.
 */
export const OPTIMADE_DEFAULT_FILTER = 'elements HAS "F" AND nsites<=50';

/** The attributes a conversion reads, asked for so that providers send no more. */
export const OPTIMADE_RESPONSE_FIELDS = [
  "lattice_vectors",
  "cartesian_site_positions",
  "species_at_sites",
  "species",
  "structure_features",
  "dimension_types",
  "nperiodic_dimensions",
] as const;

/**
 * The structures endpoint of a provider: the base URL as given, with `/v1/structures` added unless
 * it already ends in `/structures` (or `/v1`, then only `/structures`).
 */
export function optimadeStructuresEndpoint(providerUrl: string): string {
  const url = new URL(providerUrl);
  const path = url.pathname.replace(/\/+$/, "");
  if (/\/structures$/.test(path)) url.pathname = path;
  else if (/\/v\d+(\.\d+)*$/.test(path)) url.pathname = `${path}/structures`;
  else url.pathname = `${path}/v1/structures`;
  url.search = "";
  url.hash = "";
  return url.toString();
}

export function optimadeFirstPageUrl(endpoint: string, filter: string, pageLimit: number): string {
  const url = new URL(endpoint);
  url.searchParams.set("filter", filter);
  url.searchParams.set("page_limit", String(pageLimit));
  url.searchParams.set("response_fields", OPTIMADE_RESPONSE_FIELDS.join(","));
  return url.toString();
}

export interface OptimadePage {
  entries: unknown[];
  /** The next page's URL, absolute; undefined on the last page. */
  next?: string;
  /** meta.data_available or meta.data_returned: how many entries match the filter in all. */
  total?: number;
}

/**
 * One answer of the endpoint. `links.next` may be a URL string or a links object `{href, meta}`;
 * a relative one is resolved against the page's own URL. A next link to another origin is refused:
 * a provider must not be able to send this server's requests elsewhere.
 */
export function parseOptimadePage(body: unknown, pageUrl: string): OptimadePage {
  if (!isObject(body) || !Array.isArray(body.data)) {
    const errors = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
    const first = errors.find(isObject);
    const detail = first ? `: ${String(first.title ?? "")} ${String(first.detail ?? "")}`.trimEnd() : "";
    throw new Error(`OPTIMADE: the answer has no 'data' list${detail}`);
  }
  const links = isObject(body.links) ? body.links : {};
  const rawNext = isObject(links.next) ? links.next.href : links.next;
  let next: string | undefined;
  if (typeof rawNext === "string" && rawNext !== "") {
    const resolved = new URL(rawNext, pageUrl);
    if (resolved.origin !== new URL(pageUrl).origin) {
      throw new Error(`OPTIMADE: the next page (${resolved.origin}) is on another server than ${new URL(pageUrl).origin}`);
    }
    next = resolved.toString();
  }
  const meta = isObject(body.meta) ? body.meta : {};
  const total = [meta.data_returned, meta.data_available].find((x) => typeof x === "number" && Number.isFinite(x));
  return { entries: body.data, next, total: total as number | undefined };
}

/** Thrown inside the conversion with the category it is counted under. */
class Skip extends Error {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}

const UNSUPPORTED_FEATURES: Record<string, string> = {
  disorder: "disordered",
  assemblies: "assemblies",
  site_attachments: "site attachments",
  implicit_atoms: "implicit atoms",
};

function finiteVec3(x: unknown): Vec3 | undefined {
  if (!Array.isArray(x) || x.length !== 3) return undefined;
  if (!x.every((v) => typeof v === "number" && Number.isFinite(v))) return undefined;
  return [x[0], x[1], x[2]];
}

function readLattice(a: Record<string, unknown>): Lattice {
  const dims = a.dimension_types;
  if (Array.isArray(dims) && dims.some((d) => d !== 1)) throw new Skip("not periodic in 3D", `dimension_types ${JSON.stringify(dims)}`);
  if (typeof a.nperiodic_dimensions === "number" && a.nperiodic_dimensions !== 3) {
    throw new Skip("not periodic in 3D", `nperiodic_dimensions ${a.nperiodic_dimensions}`);
  }
  const lv = a.lattice_vectors;
  if (lv === undefined || lv === null) throw new Skip("missing lattice", "no lattice_vectors");
  const rows = Array.isArray(lv) && lv.length === 3 ? lv.map(finiteVec3) : [];
  if (rows.length !== 3 || rows.some((r) => r === undefined)) throw new Skip("missing lattice", "lattice_vectors incomplete");
  const lattice = rows as Lattice;
  if (!(latticeVolume(lattice) > 1e-6)) throw new Skip("malformed structure", "lattice_vectors are linearly dependent");
  return lattice;
}

/** Element of each species name; a species with more than one symbol, a vacancy or partial concentration is disorder. */
function speciesElements(a: Record<string, unknown>, names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (a.species === undefined || a.species === null) {
    // Without `species` the names must be the element symbols themselves.
    for (const n of names) {
      if (!isElement(n)) throw new Skip("unknown species", `species '${n}' is not described and is not an element`);
      out.set(n, n);
    }
    return out;
  }
  if (!Array.isArray(a.species)) throw new Skip("malformed structure", "species is not a list");
  for (const sp of a.species) {
    if (!isObject(sp) || typeof sp.name !== "string" || !Array.isArray(sp.chemical_symbols)) {
      throw new Skip("malformed structure", "a species has no name or chemical_symbols");
    }
    const symbols = sp.chemical_symbols;
    const conc = Array.isArray(sp.concentration) ? sp.concentration : [1];
    if (symbols.length !== 1 || symbols.includes("vacancy")) {
      throw new Skip("disordered", `species '${sp.name}' is ${symbols.join("/")}`);
    }
    if (conc.some((c) => typeof c !== "number" || c < 0.99)) {
      throw new Skip("disordered", `species '${sp.name}' has concentration ${conc.join("/")}`);
    }
    if (Array.isArray(sp.attached) && sp.attached.length > 0) throw new Skip("site attachments", `species '${sp.name}' has attached atoms`);
    const el = symbols[0];
    if (typeof el !== "string" || !isElement(el)) throw new Skip("unknown species", `species '${sp.name}' is '${String(el)}'`);
    out.set(sp.name, el);
  }
  return out;
}

function readAttributes(a: unknown): Structure {
  if (!isObject(a)) throw new Skip("malformed entry", "no attributes");
  const features = Array.isArray(a.structure_features) ? a.structure_features : [];
  for (const f of features) {
    if (typeof f === "string" && UNSUPPORTED_FEATURES[f]) throw new Skip(UNSUPPORTED_FEATURES[f], `structure_features has '${f}'`);
  }
  const lattice = readLattice(a);
  const positions = a.cartesian_site_positions;
  const names = a.species_at_sites;
  if (!Array.isArray(positions) || positions.length === 0) throw new Skip("missing positions", "no cartesian_site_positions");
  if (!Array.isArray(names) || names.length !== positions.length || !names.every((n) => typeof n === "string")) {
    throw new Skip("malformed structure", "species_at_sites does not name one species per position");
  }
  const elements = speciesElements(a, names as string[]);
  const inv = inverseLattice(lattice);
  const sites: Site[] = positions.map((p, i) => {
    const cart = finiteVec3(p);
    if (!cart) throw new Skip("missing positions", `position ${i + 1} is not three numbers`);
    const species = elements.get(names[i] as string);
    if (!species) throw new Skip("malformed structure", `species '${names[i]}' of site ${i + 1} is not in species`);
    return { species, frac: wrapFrac(cartToFrac(inv, cart)) };
  });
  return { lattice, sites };
}

export type OptimadeStructureResult =
  | { ok: true; id: string; structure: Structure }
  | { ok: false; id?: string; reason: string; detail: string };

/** An OPTIMADE structures entry as a Structure, or why it cannot be one. */
export function optimadeEntryToStructure(entry: unknown): OptimadeStructureResult {
  const rawId = isObject(entry) ? entry.id : undefined;
  const id = typeof rawId === "string" && rawId !== "" ? rawId : typeof rawId === "number" ? String(rawId) : undefined;
  if (!isObject(entry) || id === undefined) return { ok: false, reason: "malformed entry", detail: "an entry has no id" };
  try {
    return { ok: true, id, structure: readAttributes(entry.attributes) };
  } catch (e) {
    const reason = e instanceof Skip ? e.reason : "malformed structure";
    return { ok: false, id, reason, detail: `${id}: ${errorText(e)}` };
  }
}

/** The import input of an entry: source "optimade", sourceId the entry's URL at the provider. */
export function optimadeEntryToImportInput(entry: unknown, endpoint: string): SourceEntryResult {
  const r = optimadeEntryToStructure(entry);
  if (!r.ok) return r;
  const sourceId = `${endpoint.replace(/\/+$/, "")}/${encodeURIComponent(r.id)}`;
  return { ok: true, id: r.id, input: { source: "optimade", sourceId, structure: r.structure } };
}
