/**
 * GET /pathways/<id>/download?format=cif|xyz|poscar — the pathway's image band as a multi-image
 * CIF, an XYZ trajectory or a zip of POSCARs (00 … 0N+1), written from the stored band.
 */
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { PATHWAY_DOWNLOAD_FORMATS, pathwayFile } from "../../../../server/services/pathway-downloads";
import { getPathwayWithImages } from "../../../../server/services/pathway-queries";

export const dynamic = "force-dynamic";

const query = z.object({
  id: z.coerce.number().int().positive(),
  format: z.enum(PATHWAY_DOWNLOAD_FORMATS).default("cif"),
});

/** File names keep to characters every file system accepts. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = query.safeParse({ id: (await ctx.params).id, format: new URL(req.url).searchParams.get("format") ?? undefined });
  if (!parsed.success) return new Response("expected /pathways/<id>/download?format=cif|xyz|poscar\n", { status: 400 });
  const { id, format } = parsed.data;
  const row = await getPathwayWithImages(getDb(), id);
  if (!row) return new Response(`no pathway with id ${id}\n`, { status: 404 });
  if (!row.images) return new Response(`pathway ${id} has no images: ${row.imagesError ?? "not computed"}\n`, { status: 404 });

  const base = safeName(`${row.reducedFormula}_${row.structureId}_pathway${row.index}`);
  const file = pathwayFile(row.images, format, base, `${row.reducedFormula} structure ${row.structureId} pathway ${row.index} hopscape:${id}`);
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.type.startsWith("application/") ? file.type : `${file.type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file.name}"`,
    },
  });
}
