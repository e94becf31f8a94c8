/**
 * Reads of the structures table for the UI: one page of the list, one structure, counts.
 * Takes the database handle from the caller (the tRPC context) so it is testable against any
 * database.
 */
import { count, eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../db/client";
import { structures } from "../../db/schema/structures";
import { latticeParameters } from "../../lib/structure/lattice";
import { structureOrderBy, structureWhere, type StructureListQuery } from "./structure-filters";

/** The list shows these; the structure JSON stays out of list pages (it can be large). */
const { structure: _structureJson, fingerprint: _fingerprint, ...listColumns } = getTableColumns(structures);

export async function listStructures(db: Database, q: StructureListQuery) {
  const where = structureWhere(q);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(structures)
      .where(where)
      .orderBy(...structureOrderBy(q.sort, q.dir))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(structures).where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / q.pageSize)), query: q };
}

export async function getStructure(db: Database, id: number) {
  const [row] = await db.select().from(structures).where(eq(structures.id, id)).limit(1);
  if (!row) return null;
  return { ...row, lattice: latticeParameters(row.structure.lattice) };
}

export async function structureCounts(db: Database) {
  const bySource = await db
    .select({ source: structures.source, count: count() })
    .from(structures)
    .groupBy(structures.source)
    .orderBy(structures.source);
  const total = bySource.reduce((s, r) => s + r.count, 0);
  return { total, bySource };
}
