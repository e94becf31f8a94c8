import {
  MP_DEFAULT_BASE_URL,
  mpDocumentToImportInput,
  mpQueryKey,
  mpSummaryUrl,
  parseMpSummaryPage,
  type MpSummaryQuery,
} from "../../../lib/sources/materials-project";
import { fetchJsonWithRetry, HttpError, type HttpDeps } from "./http-json";
import { runPagedImport, type PagedImportOptions, type PagedImportResult, type PagedSource } from "./paged-import";

/** The Materials Project answers at most 1000 documents a request; 100 keeps each answer small. */
export const MP_DEFAULT_PAGE_SIZE = 100;

export interface MaterialsProjectImportOptions extends PagedImportOptions {
  query: MpSummaryQuery;
  /** Default: the MP_API_KEY environment variable. */
  apiKey?: string;
  /** Default: MP_API_BASE_URL, else https://api.materialsproject.org (tests point it at a local server). */
  baseUrl?: string;
  pageSize?: number;
  http?: HttpDeps;
}

export function materialsProjectApiKey(given?: string): string {
  const key = given ?? process.env.MP_API_KEY;
  if (!key || key.trim() === "") {
    throw new Error(
      "no Materials Project API key: set MP_API_KEY (or pass one), taken from your dashboard at materialsproject.org",
    );
  }
  return key.trim();
}

export const materialsProjectBaseUrl = (given?: string): string =>
  given ?? (process.env.MP_API_BASE_URL || MP_DEFAULT_BASE_URL);

/** The summary search as a paged source: the cursor is the `_skip` of the next page. */
export function materialsProjectSource(options: MaterialsProjectImportOptions): PagedSource {
  const apiKey = materialsProjectApiKey(options.apiKey);
  const baseUrl = materialsProjectBaseUrl(options.baseUrl);
  const pageSize = options.pageSize ?? MP_DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new Error("pageSize must be 1 to 1000");
  return {
    key: mpQueryKey(baseUrl, options.query),
    firstCursor: "0",
    async fetchPage(cursor, remaining, counts) {
      const skip = Number(cursor);
      const limit = Math.min(pageSize, remaining ?? pageSize);
      let body: unknown;
      try {
        body = await fetchJsonWithRetry(mpSummaryUrl(baseUrl, options.query, skip, limit), { "X-API-Key": apiKey }, {
          ...options.http,
          signal: options.signal ?? options.http?.signal,
          onRetry: (info) => {
            counts.retries++;
            options.http?.onRetry?.(info);
          },
        });
      } catch (e) {
        if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
          throw new Error(`the Materials Project refused the API key (${e.status}); check MP_API_KEY`);
        }
        throw e;
      }
      const page = parseMpSummaryPage(body);
      const next = skip + page.documents.length;
      const last =
        page.documents.length === 0 ||
        (page.totalDocuments !== undefined ? next >= page.totalDocuments : page.documents.length < limit);
      return {
        entries: page.documents.map(mpDocumentToImportInput),
        nextCursor: last ? null : String(next),
        total: page.totalDocuments,
      };
    },
  };
}

/**
 * Imports the Materials Project's materials matching a query (e.g. every material containing F):
 * one import job per material, page by page, resumable through `store`. Counts go to `onProgress`
 * after each page.
 */
export async function importFromMaterialsProject(options: MaterialsProjectImportOptions): Promise<PagedImportResult> {
  return runPagedImport(materialsProjectSource(options), options);
}
