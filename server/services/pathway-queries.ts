/**
 * Reads of the pathways table for the UI: one page of the list (with its structure and later
 * stages' results), one pathway, a structure's pathways. The database handle comes from the
 * caller (the tRPC context) so these run against any database.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgSelect, SelectedFields } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { barriers } from "../../db/schema/barriers";
import { measures } from "../../db/schema/measures";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";
import {
  PATHWAY_HOP_NUMBER_COLUMNS,
  PATHWAY_NUMBER_COLUMNS,
  pathwayColumnTable,
  pathwayFilterTables,
  pathwayOrderBy,
  pathwayWhere,
  type PathwayListQuery,
  type PathwayNumberKey,
  type PathwaySortKey,
  type PathwayTable,
} from "./pathway-filters";
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
 */
export function fromPathways(db: Database) {
  return db
    .select(pathwayListSelection)
    .from(pathways)
    .innerJoin(structures, eq(structures.id, pathways.structureId))
    .leftJoin(measures, eq(measures.pathwayId, pathways.id))
    .leftJoin(barriers, eq(barriers.pathwayId, pathways.id))
    .$dynamic();
}

/** The column a list's keys are read by: the pathway's id, as the base table of a narrow query has it. */
type PathwayIdColumn = typeof pathways.id | typeof measures.pathwayId | typeof barriers.pathwayId;

/**
 * `fields(id)` over only the given tables, for a list's page keys and counts, which need not read
 * the wide pathways heap or join what no condition looks at. With pathways (or structures, reached
 * through it) the shape is fromPathways' (the foreign key makes the structures join drop no row, so
 * leaving it out counts the same). Without, the base is a result table joined inner to the other on
 * pathway_id, and the id is its pathway_id: only for rows that must have every result the tables
 * name (a range filter or a non-null sort value on each), so that inner and outer joins agree.
 */
function narrowFrom(
  db: Database,
  tables: ReadonlySet<PathwayTable>,
  fields: (id: PathwayIdColumn) => SelectedFields,
): { id: PathwayIdColumn; query: PgSelect } {
  if (tables.has("pathways") || tables.has("structures") || (!tables.has("measures") && !tables.has("barriers"))) {
    let q: PgSelect = db.select(fields(pathways.id)).from(pathways).$dynamic();
    if (tables.has("structures")) q = q.innerJoin(structures, eq(structures.id, pathways.structureId));
    if (tables.has("measures")) q = q.leftJoin(measures, eq(measures.pathwayId, pathways.id));
    if (tables.has("barriers")) q = q.leftJoin(barriers, eq(barriers.pathwayId, pathways.id));
    return { id: pathways.id as PathwayIdColumn, query: q };
  }
  if (!tables.has("barriers")) return { id: measures.pathwayId, query: db.select(fields(measures.pathwayId)).from(measures).$dynamic() };
  let q: PgSelect = db.select(fields(barriers.pathwayId)).from(barriers).$dynamic();
  if (tables.has("measures")) q = q.innerJoin(measures, eq(measures.pathwayId, barriers.pathwayId));
  return { id: barriers.pathwayId, query: q };
}

/** The number of rows `where` lets through, reading only the tables it names. */
async function countPathways(db: Database, tables: ReadonlySet<PathwayTable>, where: SQL | undefined): Promise<number> {
  const [{ total }] = (await narrowFrom(db, tables, () => ({ total: count() })).query.where(where)) as { total: number }[];
  return total;
}

/** Full list rows of the given ids, in the list's order. */
const rowsOf = (db: Database, ids: SQLWrapper | number[], order: SQL[]) => fromPathways(db).where(inArray(pathways.id, ids)).orderBy(...order);

/**
 * One page of the list and the number of rows. The page's ids are found first over only the tables
 * the filters and the sort read (with the sort's index in reach: barriers' relaxed and energy
 * barriers are indexed with pathway_id, the tie-breaker), then their full rows joined. A sort by a
 * column that can be missing lists the rows having it (an inner join PostgreSQL can read in index
 * order) and after them, once a page runs past those, the rows without it by id: together exactly
 * `pathwayOrderBy`'s order, with missing values last in either direction.
 */
export async function listPathways(db: Database, q: PathwayListQuery) {
  const where = pathwayWhere(q);
  const filterTables = pathwayFilterTables(q);
  const sort = q.sort as PathwaySortKey;
  const order = pathwayOrderBy(sort, q.dir);
  const offset = (q.page - 1) * q.pageSize;
  const by = q.dir === "asc" ? asc : desc;

  const column = sort in PATHWAY_NUMBER_COLUMNS ? PATHWAY_NUMBER_COLUMNS[sort as PathwayNumberKey] : undefined;
  const page = async () => {
    if (!column) {
      // Structure, formula, space group: never missing, ordered as the list is.
      const tables = new Set([...filterTables, "pathways" as const, ...(sort === "structure" ? [] : ["structures" as const])]);
      const keys = narrowFrom(db, tables, (id) => ({ id })).query.where(where).orderBy(...order).limit(q.pageSize).offset(offset);
      return rowsOf(db, keys, order);
    }
    const valueTables = new Set([...filterTables, pathwayColumnTable(column)]);
    const having = and(where, isNotNull(column));
    const narrow = narrowFrom(db, valueTables, (id) => ({ id }));
    // Missing values are excluded here, so plain asc / desc (an index's order either way) is the list's order.
    const keys = narrow.query.where(having).orderBy(by(column), by(narrow.id)).limit(q.pageSize).offset(offset);
    const rows = await rowsOf(db, keys, order);
    if (rows.length === q.pageSize || (column.notNull && pathwayColumnTable(column) === "pathways")) return rows;
    // The page runs past the rows having a value: continue with those missing it, by id.
    const withValue = rows.length > 0 ? offset + rows.length : await countPathways(db, valueTables, having);
    const missing = await narrowFrom(db, new Set([...valueTables, "pathways" as const]), (id) => ({ id }))
      .query.where(and(where, isNull(column)))
      .orderBy(by(pathways.id))
      .limit(q.pageSize - rows.length)
      .offset(Math.max(0, offset - withValue));
    if (missing.length === 0) return rows;
    return [...rows, ...(await rowsOf(db, (missing as { id: number }[]).map((r) => r.id), order))];
  };

  const [rows, total] = await Promise.all([page(), countPathways(db, filterTables, where)]);
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

