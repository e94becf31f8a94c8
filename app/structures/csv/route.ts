/**
 * GET /structures/csv?elements=Ca,F&… — the structures table as CSV, filtered like the page,
 * streamed in id order (a file download, so a plain route handler rather than tRPC).
 */
import { getDb } from "../../../db/client";
import { csvDownloadResponse } from "../../../server/services/csv-download";
import { structuresCsvStream } from "../../../server/services/structure-csv";
import { structureFilterSchema } from "../../../server/services/structure-filters";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return csvDownloadResponse(req, { schema: structureFilterSchema, name: "structures", stream: (filters) => structuresCsvStream(getDb(), filters) });
}
