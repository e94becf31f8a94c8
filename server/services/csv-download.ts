/**
 * The HTTP response of a table's CSV download (structures, pathways): the filters read from the
 * query string as the list page reads them, a clear 400 for bad ones, and the rows streamed as an
 * attachment.
 *
 * Compression is Next's (`next start` gzips at zlib's default level when the client accepts it). A
 * route handler cannot send its own faster encoding: Next drops Content-Encoding from a route
 * handler's Response and would compress the compressed bytes again.
 */
import type { z } from "zod";
import { searchParamsToRecord } from "./structure-filters";

export interface CsvDownload<Filters> {
  /** The list page's filter schema: the download takes the same query string. */
  schema: z.ZodType<Filters>;
  /** The file's name before its date stamp: "pathways" gives pathways-2026-11-25.csv. */
  name: string;
  stream(filters: Filters): ReadableStream<Uint8Array>;
}

export function csvDownloadResponse<Filters>(req: Request, download: CsvDownload<Filters>): Response {
  const parsed = download.schema.safeParse(searchParamsToRecord(new URL(req.url).searchParams));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return new Response(`invalid filter: ${detail}\n`, { status: 400, headers: { "content-type": "text/plain" } });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(download.stream(parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${download.name}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
