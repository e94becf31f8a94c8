import { parseArgs } from "node:util";
import { buildHopImages } from "../../lib/interpolation/hop-images";
import { findDistinctPathways } from "../../lib/pathways/distinct-hops";
import { summarizePathway } from "../../lib/records/pathway-summary";
import { describeStructure } from "../../lib/records/structure-summary";
import { progressBar } from "../progress";
import { readStructuresFromPath } from "./inspect";
import { HOP_OPTIONS, hopOptions } from "./options";

const USAGE = "usage: hopscape paths FILE [--ion F] [--max-length 5] [--limit 5|0] [--images 5] [--json]";

export async function pathsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: HOP_OPTIONS,
  });
  const file = positionals[0];
  if (!file) throw new Error(USAGE);
  const { ion, maxLength, limit, nImages } = hopOptions(values, 0);

  const [structure] = readStructuresFromPath(file);
  const pathways = findDistinctPathways(structure, { ion, maxLength, limit });
  const progress = progressBar(pathways.length, "IDPP images");
  const rows = pathways.map((p) => {
    const row = summarizePathway(structure, p);
    if (nImages === 0) return row;
    const band = buildHopImages(structure, p, { nImages });
    progress.step(`pathway ${p.index}`);
    // The moving ion's trail is what a reader of the command line wants to see; full images are in the dashboard.
    return { ...row, images: { count: nImages, converged: band.converged, multipliers: band.multipliers, trail: band.images.map((img) => img[0]) } };
  });
  progress.finish();

  if (values.json) {
    console.log(JSON.stringify({ structure: describeStructure(structure), ion, maxLength, pathways: rows }, null, 2));
    return 0;
  }
  const s = describeStructure(structure);
  console.log(`${s.formula} (${s.spacegroup.symbol}): ${rows.length} distinct ${ion} hop(s) up to ${maxLength} Å`);
  console.log("index  length/Å  mult  clearance/Å  nsites_777  images");
  for (const r of rows) {
    const img = "images" in r ? (r.images.converged ? "converged" : "NOT converged") : "-";
    console.log(
      `${String(r.index).padStart(5)}  ${r.length.toFixed(4).padStart(8)}  ${String(r.multiplicity).padStart(4)}  ${r.clearance.toFixed(3).padStart(11)}  ${String(r.nsites777).padStart(10)}  ${img}`,
    );
  }
  return 0;
}
