/**
 * The table's state lives in the URL's query string, so a reload or a shared link shows the
 * same page. These helpers derive new query strings from the current one; the server validates
 * every value (server/services/structure-filters.ts, pathway-filters.ts); the browser only passes them through.
 */

/** Copies `current`, applies `changes` (empty or null removes a key) and returns "?a=b" or "". */
export function withParams(current: URLSearchParams, changes: Record<string, string | number | null | undefined>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const qs = next.toString();
  return qs ? `?${qs}` : "";
}

export function paramsRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
