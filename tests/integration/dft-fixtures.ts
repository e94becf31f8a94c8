import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { pathways, structures } from "../../db/schema/index";
import { structureRowOf } from "../../db/structure-row";
import { structureRecord } from "../../lib/records/structure-record";
import type { Structure } from "../../lib/structure/structure";
import { barriersStage, computeBarrier } from "../../workers/stages/barriers";
import { computePathways, pathwaysStage, type PathwayParams } from "../../workers/stages/pathways";

/** The pathways stage's defaults with a small band (3 interior images): what the DFT tests export. */
export const SMALL_BAND: PathwayParams = { ...(pathwaysStage.defaults.params as PathwayParams), keep: 2, nImages: 3 };

/**
 * A structure and its pathways in the tables, computed and written by the pathways stage's own
 * functions (and, with `withBarriers`, its BVSE barriers by the barriers stage's): real rows without
 * running the queue machinery.
 */
export async function storeAnalysed(db: Database, structure: Structure, sourceId: string, withBarriers = false): Promise<number[]> {
  const [row] = await db
    .insert(structures)
    .values(structureRowOf(structureRecord(structure), { source: "library", sourceId }))
    .returning();
  const computed = computePathways(row.structure, SMALL_BAND);
  const ids = await db.transaction((tx) => pathwaysStage.write(tx, row, computed, SMALL_BAND));
  if (withBarriers) {
    for (const id of ids) {
      const [p] = await db.select().from(pathways).where(eq(pathways.id, id));
      const input = { pathwayId: id, structure: row.structure, startCart: p.startCart, images: p.images, imagesError: p.imagesError };
      const params = { nebImages: 3 };
      await db.transaction((tx) => barriersStage.write(tx, input, [computeBarrier(input, params)], params));
    }
  }
  return ids;
}
