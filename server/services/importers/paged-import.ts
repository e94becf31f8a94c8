import type pg from "pg";
import type { SourceEntryResult } from "../../../lib/sources/source-entry";
import type { StructureImportInput } from "../../../lib/records/structure-import-input";
import { enqueueStructureImport, type EnqueueResult } from "../structure-import";
import { emptyCounts, type ImportCounts, type ImportProgressCallback } from "./import-counts";
import type { ImportProgressStore } from "./progress-store";

export interface SourcePage {
  entries: SourceEntryResult[];
  /** Where the next page starts; null after the last page. */
  nextCursor: string | null;
  total?: number;
}

/** A paged remote source: a first position and a way to fetch the page at a position. */
export interface PagedSource {
  /** Names the query in the progress store: the same query resumes the same cursor. */
  key: string;
  firstCursor: string;
  /** `limit` is how many entries are still wanted, when the caller asked for a limit. */
  fetchPage(cursor: string, limit: number | undefined, counts: ImportCounts): Promise<SourcePage>;
}

export interface PagedImportOptions {
  pool?: pg.Pool;
  /** Without a store an interrupted import starts again from the first page (nothing is queued twice). */
  store?: ImportProgressStore;
  /** Start from the first page even if the store has a place to resume from. */
  restart?: boolean;
  /** Stop after this many entries have been fetched in this run. */
  maxEntries?: number;
  onProgress?: ImportProgressCallback;
  signal?: AbortSignal;
}

export interface PagedImportResult {
  counts: ImportCounts;
  /** The cursor this run started from when it resumed an earlier one. */
  resumedFrom?: string;
  /** False when the run stopped at maxEntries before the source's last page. */
  finished: boolean;
  /** Input keys of every entry queued now or before, in source order: for importStatus / importOutcomes. */
  inputKeys: string[];
  /** The first skipped entries with what was wrong (at most 50), for the report. */
  skippedDetails: string[];
}

const MAX_DETAILS = 50;

/**
 * Fetches a source page by page and queues one import job per usable entry. After each page the
 * cursor of the next one is saved, so a run that dies resumes at the first page it had not finished;
 * the entries of that page that were already queued are recognised by their input key (the same
 * input gives the same key) and not queued again.
 */
export async function runPagedImport(source: PagedSource, options: PagedImportOptions = {}): Promise<PagedImportResult> {
  const enqueue = (input: StructureImportInput): Promise<EnqueueResult> => enqueueStructureImport(input, options.pool);
  const saved = options.restart ? undefined : await options.store?.load(source.key);
  const resuming = saved !== undefined && saved.cursor !== null;
  let cursor: string | null = resuming ? saved.cursor : source.firstCursor;
  const counts = resuming ? saved.counts : emptyCounts();
  const fetchedBefore = counts.fetched;
  const inputKeys: string[] = [];
  const skippedDetails: string[] = [];

  while (cursor !== null) {
    options.signal?.throwIfAborted();
    const fetchedNow = counts.fetched - fetchedBefore;
    if (options.maxEntries !== undefined && fetchedNow >= options.maxEntries) break;
    const remaining = options.maxEntries === undefined ? undefined : options.maxEntries - fetchedNow;
    const page = await source.fetchPage(cursor, remaining, counts);
    counts.pages++;
    if (page.total !== undefined) counts.total = page.total;
    for (const entry of page.entries) {
      counts.fetched++;
      if (!entry.ok) {
        counts.skipped++;
        counts.skipReasons[entry.reason] = (counts.skipReasons[entry.reason] ?? 0) + 1;
        if (skippedDetails.length < MAX_DETAILS) skippedDetails.push(entry.detail);
        continue;
      }
      const { inputKey, queued } = await enqueue(entry.input);
      inputKeys.push(inputKey);
      if (queued) counts.queued++;
      else counts.alreadyQueued++;
    }
    cursor = page.nextCursor;
    await options.store?.save(source.key, cursor, counts);
    options.onProgress?.(counts);
  }
  return {
    counts,
    ...(resuming ? { resumedFrom: saved.cursor! } : {}),
    finished: cursor === null,
    inputKeys,
    skippedDetails,
  };
}
