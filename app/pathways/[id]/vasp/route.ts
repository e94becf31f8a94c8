/**
 * GET /pathways/<id>/vasp?flavour=vtst|vasp&encut=&ediffg=&nsw=&kpoints= — the hop's VASP inputs as
 * a zip: NEB folders 00..0N+1, INCAR, KPOINTS, POTCAR.spec, README and three single points.
 */
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { pathwayBand } from "../../../../db/pathway-bands";
import { pathwayVaspZip, vaspExportOverrides } from "../../../../lib/vasp/pathway-export";

export const dynamic = "force-dynamic";

const pathwayId = z.coerce.number().int().positive();

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathwayId.safeParse((await ctx.params).id);
  const overrides = vaspExportOverrides.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!id.success) return new Response("expected /pathways/<id>/vasp\n", { status: 400 });
  if (!overrides.success) {
    const detail = overrides.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return new Response(`invalid option: ${detail}\n`, { status: 400 });
  }
  const band = await pathwayBand(getDb(), id.data);
  if (!band) return new Response(`no pathway with id ${id.data}\n`, { status: 404 });
  if (!band.images) return new Response(`pathway ${id.data} has no images: ${band.imagesError ?? "not computed"}\n`, { status: 404 });
  const { name, zip } = pathwayVaspZip(band, overrides.data);
  return new Response(zip as BodyInit, {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
