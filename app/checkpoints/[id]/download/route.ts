/**
 * GET /checkpoints/<id>/download — a stored checkpoint's zip (manifest + one CSV per table);
 * ?table=NAME — that table's CSV alone, as it is in the zip.
 */
import { z } from "zod";
import { getPool } from "../../../../db/client";
import { checkpointTableCsv, checkpointZip, downloadName } from "../../../../server/services/checkpoints/read-checkpoint";

export const dynamic = "force-dynamic";

const query = z.object({
  id: z.coerce.number().int().positive(),
  table: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
});

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = query.safeParse({ id: (await ctx.params).id, table: new URL(req.url).searchParams.get("table") ?? undefined });
  if (!parsed.success) return new Response("expected /checkpoints/<id>/download[?table=NAME]\n", { status: 400 });
  const { id, table } = parsed.data;
  if (table) {
    const found = await checkpointTableCsv(getPool(), id, table);
    if (!found) return new Response(`checkpoint ${id} has no table ${table}\n`, { status: 404 });
    return new Response(found.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${downloadName(found.name)}-${table}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  const found = await checkpointZip(getPool(), id);
  if (!found) return new Response(`no checkpoint with id ${id}\n`, { status: 404 });
  return new Response(new Uint8Array(found.zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${downloadName(found.name)}.zip"`,
      "content-length": String(found.zip.length),
      "cache-control": "no-store",
    },
  });
}
