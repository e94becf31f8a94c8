/**
 * GET /pathways/csv?relaxedBarrierMax=0.5&… — the pathways table as CSV with measures and
 * barriers, filtered like the page, streamed in id order (a file download: a route handler, not tRPC).
 */
import { getDb } from "../../../db/client";
import { pathwaysCsvStream } from "../../../server/services/pathway-csv";
import { pathwayFilterSchema } from "../../../server/services/pathway-filters";
import { searchParamsToRecord } from "../../../server/services/structure-filters";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  const parsed = pathwayFilterSchema.safeParse(searchParamsToRecord(new URL(req.url).searchParams));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return new Response(`invalid filter: ${detail}\n`, { status: 400, headers: { "content-type": "text/plain" } });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(pathwaysCsvStream(getDb(), parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pathways-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
