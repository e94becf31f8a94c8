/**
 * GET /exports/vasp?top=N (&flavour, encut, … as for one pathway) — the VASP inputs of the N
 * pathways with the lowest relaxed BVSE barrier, one folder each, in one zip.
 */
import { getDb } from "../../../db/client";
import { batchVaspZip, vaspExportOverrides } from "../../../lib/vasp/pathway-export";
import { topPathwayBands } from "../../../db/pathway-bands";

export const dynamic = "force-dynamic";

/** A zip of hundreds of supercells is large and slow to write: the batch is capped. */
const MAX_TOP = 200;

export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const top = Number(params.get("top") ?? 10);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) return new Response(`top must be a whole number from 1 to ${MAX_TOP}\n`, { status: 400 });
  params.delete("top");
  const overrides = vaspExportOverrides.safeParse(Object.fromEntries(params));
  if (!overrides.success) {
    const detail = overrides.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return new Response(`invalid option: ${detail}\n`, { status: 400 });
  }
  const bands = await topPathwayBands(getDb(), top);
  if (bands.length === 0) return new Response("no pathway has a BVSE barrier yet\n", { status: 404 });
  const name = `hopscape-vasp-top${top}`;
  return new Response(batchVaspZip(bands, overrides.data, name) as BodyInit, {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${name}.zip"`, "cache-control": "no-store" },
  });
}
