/**
 * GET /structures/csv?elements=Ca,F&… — the structures table as CSV, filtered like the page,
 * streamed in id order (a file download, so a plain route handler rather than tRPC).
 */
import { getDb } from "../../../db/client";
import { structuresCsvStream } from "../../../server/services/structure-csv";
import { searchParamsToRecord, structureFilterSchema } from "../../../server/services/structure-filters";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  const parsed = structureFilterSchema.safeParse(searchParamsToRecord(new URL(req.url).searchParams));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return new Response(`invalid filter: ${detail}\n`, { status: 400, headers: { "content-type": "text/plain" } });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(structuresCsvStream(getDb(), parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="structures-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
