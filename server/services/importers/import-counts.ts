/** How a remote import stands: what the CLI progress bar and the dashboard show. */
export interface ImportCounts {
  /** Entries received from the source so far. */
  fetched: number;
  /** New import jobs queued. */
  queued: number;
  /** Entries whose input was queued before (an earlier run, or a page fetched again on resume): nothing new queued. */
  alreadyQueued: number;
  /** Entries not imported (disordered, malformed...), counted in `skipReasons` by reason. */
  skipped: number;
  skipReasons: Record<string, number>;
  /** How many entries the source says match the query, when it says. */
  total?: number;
  /** Pages answered, and waits before a repeated request (429, 5xx, network). */
  pages: number;
  retries: number;
}

export const emptyCounts = (): ImportCounts => ({
  fetched: 0,
  queued: 0,
  alreadyQueued: 0,
  skipped: 0,
  skipReasons: {},
  pages: 0,
  retries: 0,
});

export type ImportProgressCallback = (counts: Readonly<ImportCounts>) => void;

/** "120/480 fetched, 100 queued, 15 already queued, 5 skipped (3 disordered, 2 malformed entry)". */
export function describeCounts(c: ImportCounts): string {
  const reasons = Object.entries(c.skipReasons)
    .map(([r, n]) => `${n} ${r}`)
    .join(", ");
  const of = c.total === undefined ? "" : `/${c.total}`;
  return `${c.fetched}${of} fetched, ${c.queued} queued, ${c.alreadyQueued} already queued, ${c.skipped} skipped${reasons ? ` (${reasons})` : ""}`;
}
