/**
 * Reads of the pathways table for the UI: one page of the list (with its structure and later
 * stages' results), one pathway, a structure's pathways. The database handle comes from the
 * caller (the tRPC context) so these run against any database.
 */
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { barriers } from "../../db/schema/barriers";
import { measures } from "../../db/schema/measures";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";
import { PATHWAY_HOP_NUMBER_COLUMNS, pathwayOrderBy, pathwayWhere, type PathwayListQuery, type PathwaySortKey } from "./pathway-filters";
import { PATHWAY_RESULT_SELECTION } from "./pathway-result-columns";

/** What a list row shows: the hop's scalars, its structure, its results; never the image band (large). */
export const pathwayListSelection = {
  id: pathways.id,
  structureId: pathways.structureId,
  ...PATHWAY_HOP_NUMBER_COLUMNS,
  startWyckoff: pathways.startWyckoff,
  endWyckoff: pathways.endWyckoff,
  ion: pathways.ion,
  imagesError: pathways.imagesError,
  /** End points in Cartesian Å (six numbers: cheap enough for every row, and the structure viewer draws them). */
  startCart: pathways.startCart,
  endCart: pathways.endCart,
  formula: structures.formula,
  reducedFormula: structures.reducedFormula,
  spacegroupSymbol: structures.spacegroupSymbol,
  spacegroupNumber: structures.spacegroupNumber,
  ...PATHWAY_RESULT_SELECTION,
};

/**
 * pathways ⋈ structures ⟕ per-pathway results: the list, its count and a structure's pathways
 * join alike, so a filter or sort on any listed column works wherever the rows are read.
 * `afterId` (keyset batches, which also filter on pathways.id > afterId) bounds the result tables'
 * joins too: PostgreSQL does not carry that bound across an outer join, and its merge join would
 * otherwise read measures and barriers from their first row on every batch (quadratic in the table).
 */
export function fromPathways(db: Database, afterId?: number) {
  const after = (column: typeof measures.pathwayId | typeof barriers.pathwayId) =>
    afterId === undefined ? undefined : gt(column, afterId);
  return db
    .select(pathwayListSelection)
    .from(pathways)
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .leftJoin(measures, and(eq(measures.pathwayId, pathways.id), after(measures.pathwayId)))
    .leftJoin(barriers, and(eq(barriers.pathwayId, pathways.id), after(barriers.pathwayId)))
    .$dynamic();
}

export async function listPathways(db: Database, q: PathwayListQuery) {
  const where = pathwayWhere(q);
  const [rows, [{ total }]] = await Promise.all([
    fromPathways(db)
      .where(where)
      .orderBy(...pathwayOrderBy(q.sort as PathwaySortKey, q.dir))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(pathways)
      .innerJoin(structures, eq(structures.id, pathways.structureId))
      .leftJoin(measures, eq(measures.pathwayId, pathways.id))
      .leftJoin(barriers, eq(barriers.pathwayId, pathways.id))
      .where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / q.pageSize)), query: q };
}

/** One pathway's list row plus what only its own page needs: the image band and both energy profiles. */
export async function getPathwayWithImages(db: Database, id: number) {
  const [[row], [extra]] = await Promise.all([
    fromPathways(db).where(eq(pathways.id, id)).limit(1),
    db
      .select({
        startFrac: pathways.startFrac,
        midpointFrac: pathways.midpointFrac,
        endFrac: pathways.endFrac,
        startOrbit: pathways.startOrbit,
        endOrbit: pathways.endOrbit,
        images: pathways.images,
        idppEnergies: barriers.idppEnergies,
        relaxedEnergies: barriers.relaxedEnergies,
        relaxedClimbingImage: barriers.relaxedClimbingImage,
        nebImages: barriers.nebImages,
        updatedAt: pathways.updatedAt,
      })
      .from(pathways)
      .leftJoin(barriers, eq(barriers.pathwayId, pathways.id))
      .where(eq(pathways.id, id))
      .limit(1),
  ]);
  return row && extra ? { ...row, ...extra } : null;
}

/** A structure's pathways in rank order (with the end points the structure viewer draws). */
export function pathwaysOfStructure(db: Database, structureId: number) {
  return fromPathways(db).where(eq(pathways.structureId, structureId)).orderBy(asc(pathways.index));
}

