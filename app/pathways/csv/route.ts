/**
 * GET /pathways/csv?relaxedBarrierMax=0.5&… — the pathways table as CSV with measures and
 * barriers, filtered like the page, streamed in id order (a file download: a route handler, not tRPC).
 */
import { getDb } from "../../../db/client";
import { csvDownloadResponse } from "../../../server/services/csv-download";
import { pathwaysCsvStream } from "../../../server/services/pathway-csv";
import { pathwayFilterSchema } from "../../../server/services/pathway-filters";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return csvDownloadResponse(req, { schema: pathwayFilterSchema, name: "pathways", stream: (filters) => pathwaysCsvStream(getDb(), filters) });
}
