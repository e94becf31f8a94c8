/**
 * Real rows to vary: the built-in library's fluorides, stored exactly as the structures and pathways
 * stages store them (their own row mapping and write), image bands included. The synthetic database
 * copies these rows with scaled lattices, so every structure and hop a page opens is a real crystal.
 */
import type { Database } from "../../db/client";
import { structures } from "../../db/schema/structures";
import { structureRowOf } from "../../db/structure-row";
import { libraryStructures } from "../../lib/library/build";
import { structureRecord } from "../../lib/records/structure-record";
import { computePathways, pathwaysStage, type PathwayParams } from "../../workers/stages/pathways";

/** Hops per synthetic structure: the pathways stage's default `keep`. */
export const PATHWAYS_PER_STRUCTURE = 5;

/**
 * Inserts the library fluorides that have at least five hops within 7 Å (the stage's default params
 * otherwise; 7 Å is where its auto-broaden ends) as structures 1..T with their five pathways each,
 * and returns T. Run on an empty database, so the ids are 1..T and pathway ids follow structure order.
 */
export async function insertTemplates(db: Database): Promise<number> {
  const params: PathwayParams = { ...(pathwaysStage.defaults.params as PathwayParams), maxLength: 7 };
  let count = 0;
  for (const entry of libraryStructures()) {
    const record = structureRecord(entry.structure);
    if (!record.elements.includes(params.ion)) continue;
    const computed = computePathways(record.structure, params).slice(0, PATHWAYS_PER_STRUCTURE);
    if (computed.length < PATHWAYS_PER_STRUCTURE) continue;
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(structures).values(structureRowOf(record, { source: "library", sourceId: entry.id })).returning();
      await pathwaysStage.write(tx, row, computed, params);
    });
    count++;
  }
  return count;
}
