import { startJsonServer, FailurePlan, type FakeAnswer, type FakeServer } from "./http-fake";

/** A summary document as the Materials Project stores it (only the fields a test needs). */
export interface FakeMpDocument {
  material_id: string;
  /** pymatgen Structure.as_dict(); may be broken on purpose. */
  structure: unknown;
  energy_per_atom?: number;
  formation_energy_per_atom?: number;
  energy_above_hull?: number;
  nsites?: number;
  deprecated?: boolean;
}

export interface FakeMpOptions {
  documents: FakeMpDocument[];
  apiKey: string;
  /** Answers before the real page for the given skip, in order (e.g. a 429, then a 503). */
  failures?: (skip: number) => FakeAnswer[];
}

function elementsOf(doc: FakeMpDocument): Set<string> {
  const sites = (doc.structure as { sites?: { species?: { element?: string }[] }[] } | null)?.sites ?? [];
  return new Set(sites.flatMap((s) => (s.species ?? []).map((sp) => sp.element ?? "")));
}

/**
 * The materials summary search of the Materials Project's API on a local port: X-API-Key checked,
 * `elements`, `nsites_max`, `energy_above_hull_max` and `deprecated` filters, `_fields` projection,
 * `_limit`/`_skip` paging, and the `{data, meta: {total_doc, ...}}` answer; errors as `{detail}`.
 */
export function startFakeMaterialsProject(options: FakeMpOptions): Promise<FakeServer> {
  const plan = new FailurePlan((page) => options.failures?.(Number(page)) ?? []);
  return startJsonServer((url, req) => {
    if (url.pathname !== "/materials/summary/") return { status: 404, body: { detail: "Not Found" } };
    if (req.headers["x-api-key"] !== options.apiKey) return { status: 401, body: { detail: "Invalid or missing API key" } };
    const q = url.searchParams;
    const skip = Number(q.get("_skip") ?? 0);
    const limit = Number(q.get("_limit") ?? 100);
    if (limit > 1000) return { status: 400, body: { detail: "Requested limit is larger than the maximum of 1000" } };
    const failure = plan.next(String(skip));
    if (failure) return failure;

    const elements = (q.get("elements") ?? "").split(",").filter(Boolean);
    const nsitesMax = q.has("nsites_max") ? Number(q.get("nsites_max")) : Infinity;
    const ehullMax = q.has("energy_above_hull_max") ? Number(q.get("energy_above_hull_max")) : Infinity;
    const matching = options.documents.filter(
      (d) =>
        elements.every((e) => elementsOf(d).has(e)) &&
        (d.nsites ?? 0) <= nsitesMax &&
        (d.energy_above_hull ?? 0) <= ehullMax &&
        !(q.get("deprecated") === "false" && d.deprecated),
    );
    const fields = (q.get("_fields") ?? "material_id").split(",");
    const data = matching
      .slice(skip, skip + limit)
      .map((d) => Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, d[f as keyof FakeMpDocument]])));
    return {
      status: 200,
      body: { data, meta: { api_version: "fake", time_stamp: "2024-01-01T00:00:00", total_doc: matching.length, max_limit: 1000, facet: {} } },
    };
  });
}
