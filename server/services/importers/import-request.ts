import { z } from "zod";
import { materialsProjectBaseUrl, materialsProjectSource, type MaterialsProjectImportOptions } from "./materials-project";
import { optimadeSource, type OptimadeImportOptions } from "./optimade";
import type { PagedImportOptions, PagedSource } from "./paged-import";

/** graphile-worker task identifier of a remote import (one job per query key). */
export const IMPORT_SOURCE_TASK = "import-source";

const element = z.string().regex(/^[A-Z][a-z]?$/, "an element symbol such as F or Ca");

/**
 * What a user asks to import, as the CLI, the imports page and the job payload carry it. Never an
 * API key: the payload is stored in the job table, so the worker reads MP_API_KEY itself.
 */
export const importRequest = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("mp"),
    elements: z.array(element).min(1).max(8),
    nsitesMax: z.number().int().min(1).max(1000).optional(),
    energyAboveHullMax: z.number().min(0).max(10).optional(),
    /** Stop after this many entries (a trial import). */
    maxEntries: z.number().int().min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({
    source: z.literal("optimade"),
    providerUrl: z.url({ protocol: /^https?$/ }),
    filter: z.string().min(1).max(2000).optional(),
    maxEntries: z.number().int().min(1).optional(),
    pageLimit: z.number().int().min(1).max(1000).optional(),
  }),
]);
export type ImportRequest = z.infer<typeof importRequest>;

/** How to reach the source: the API key only exists in memory (the environment or a form). */
export interface ImportAccess {
  apiKey?: string;
  /** Default MP_API_BASE_URL, else the public API. */
  mpBaseUrl?: string;
}

/** The paged source and importer options of a request. */
export function importSourceOf(request: ImportRequest, access: ImportAccess, options: PagedImportOptions): PagedSource {
  if (request.source === "mp") {
    const mp: MaterialsProjectImportOptions = {
      ...options,
      query: { elements: request.elements, nsitesMax: request.nsitesMax, energyAboveHullMax: request.energyAboveHullMax },
      apiKey: access.apiKey,
      baseUrl: materialsProjectBaseUrl(access.mpBaseUrl),
      pageSize: request.pageSize,
    };
    return materialsProjectSource(mp);
  }
  const optimade: OptimadeImportOptions = { ...options, providerUrl: request.providerUrl, filter: request.filter, pageLimit: request.pageLimit };
  return optimadeSource(optimade);
}

/**
 * The progress key of a request, the same the importer resumes by. Computed without the API key
 * (the Materials Project's key does not enter its query key), so the web server can name a job
 * whose key only the worker holds.
 */
export function importKeyOf(request: ImportRequest, access: ImportAccess = {}): string {
  return importSourceOf(request, { ...access, apiKey: access.apiKey ?? "key-not-needed-for-the-name" }, {}).key;
}

/** "Materials Project F, ≤ 20 sites, ≤ 0.05 eV/atom above hull" — how the dashboard names an import. */
export function describeRequest(request: ImportRequest): string {
  if (request.source === "optimade") return `OPTIMADE ${request.providerUrl}${request.filter ? ` (${request.filter})` : ""}`;
  const parts = [request.elements.join("-")];
  if (request.nsitesMax !== undefined) parts.push(`≤ ${request.nsitesMax} sites`);
  if (request.energyAboveHullMax !== undefined) parts.push(`≤ ${request.energyAboveHullMax} eV/atom above hull`);
  return `Materials Project ${parts.join(", ")}`;
}
