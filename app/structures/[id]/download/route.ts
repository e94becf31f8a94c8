/**
 * GET /structures/<id>/download?format=cif|poscar — one structure as a file, written by the
 * lib/io writers from the stored structure.
 */
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { writeCif } from "../../../../lib/io/cif-writer";
import { writePoscar } from "../../../../lib/io/poscar";
import { getStructure } from "../../../../server/services/structure-queries";

export const dynamic = "force-dynamic";

const query = z.object({
  id: z.coerce.number().int().positive(),
  format: z.enum(["cif", "poscar"]).default("cif"),
});

/** File names keep to characters every file system accepts. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = query.safeParse({ id: (await ctx.params).id, format: new URL(req.url).searchParams.get("format") ?? undefined });
  if (!parsed.success) return new Response("expected /structures/<id>/download?format=cif|poscar\n", { status: 400 });
  const { id, format } = parsed.data;
  const row = await getStructure(getDb(), id);
  if (!row) return new Response(`no structure with id ${id}\n`, { status: 404 });

  const base = safeName(`${row.reducedFormula}_${row.id}`);
  const file =
    format === "cif"
      ? { body: writeCif(row.structure, base), name: `${base}.cif`, type: "chemical/x-cif" }
      : { body: writePoscar(row.structure, `${row.formula} ${row.spacegroupSymbol} hopscape:${row.id}`), name: `${base}.vasp`, type: "text/plain" };
  return new Response(file.body, {
    headers: {
      "content-type": `${file.type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file.name}"`,
    },
  });
}
