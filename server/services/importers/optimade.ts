import {
  OPTIMADE_DEFAULT_FILTER,
  optimadeEntryToImportInput,
  optimadeFirstPageUrl,
  optimadeStructuresEndpoint,
  parseOptimadePage,
} from "../../../lib/sources/optimade";
import { fetchJsonWithRetry, type HttpDeps } from "./http-json";
import { runPagedImport, type PagedImportOptions, type PagedImportResult, type PagedSource } from "./paged-import";

export const OPTIMADE_DEFAULT_PAGE_LIMIT = 50;

export interface OptimadeImportOptions extends PagedImportOptions {
  /** The provider's base URL (…/v1 and …/v1/structures are accepted too). */
  providerUrl: string;
  /** An OPTIMADE filter; default `elements HAS "F" AND nsites<=50`. */
  filter?: string;
  pageLimit?: number;
  http?: HttpDeps;
}

/** A provider's structures endpoint as a paged source: the cursor is the URL of the next page (links.next). */
export function optimadeSource(options: OptimadeImportOptions): PagedSource {
  const endpoint = optimadeStructuresEndpoint(options.providerUrl);
  const filter = options.filter ?? OPTIMADE_DEFAULT_FILTER;
  const pageLimit = options.pageLimit ?? OPTIMADE_DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(pageLimit) || pageLimit < 1) throw new Error("pageLimit must be a positive integer");
  return {
    key: `optimade:${endpoint}?filter=${filter}`,
    firstCursor: optimadeFirstPageUrl(endpoint, filter, pageLimit),
    async fetchPage(url, _remaining, counts) {
      const body = await fetchJsonWithRetry(url, {}, {
        ...options.http,
        signal: options.signal ?? options.http?.signal,
        onRetry: (info) => {
          counts.retries++;
          options.http?.onRetry?.(info);
        },
      });
      const page = parseOptimadePage(body, url);
      return {
        entries: page.entries.map((e) => optimadeEntryToImportInput(e, endpoint)),
        // An empty page with a next link would loop forever on a broken provider.
        nextCursor: page.next && page.entries.length > 0 ? page.next : null,
        total: page.total,
      };
    },
  };
}

/**
 * Imports a provider's structures matching a filter: one import job per ordered, fully occupied,
 * 3D-periodic entry; the others are counted by reason. Resumable through `store` (the saved cursor is
 * the next page's URL).
 */
export async function importFromOptimade(options: OptimadeImportOptions): Promise<PagedImportResult> {
  return runPagedImport(optimadeSource(options), options);
}
