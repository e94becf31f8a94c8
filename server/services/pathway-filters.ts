/**
 * The pathways table's query language: every numeric column can be filtered by a range
 * (`<key>Min`, `<key>Max`) and sorted by; the structure-side filters (elements, formula,
 * space group) are the structures table's own. A zod whitelist decides what a client may ask for;
 * drizzle turns it into SQL with every value bound. The tRPC list procedure and the CSV stream
 * read the same query string, so a copied table URL downloads exactly the rows it shows.
 */
import { and, asc, desc, eq, getTableName, gte, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";
import { structureFilterSchema, structureListSchema, structureWhere } from "./structure-filters";
import { PATHWAY_RESULT_COLUMNS } from "./pathway-result-columns";

/** The hop's own numeric columns, keyed by their URL / TypeScript name. */
export const PATHWAY_HOP_NUMBER_COLUMNS = {
  index: pathways.index,
  length: pathways.length,
  multiplicity: pathways.multiplicity,
  hopsPerIon: pathways.hopsPerIon,
  ionFraction: pathways.ionFraction,
  clearance: pathways.clearance,
  nsites777: pathways.nsites777,
  nsites101010: pathways.nsites101010,
  nsites121212: pathways.nsites121212,
  maxLength: pathways.maxLength,
} as const satisfies Record<string, AnyPgColumn>;

/** Numeric columns a user may filter by range and sort by: the hop's and its stages' results. */
export const PATHWAY_NUMBER_COLUMNS = {
  ...PATHWAY_HOP_NUMBER_COLUMNS,
  ...PATHWAY_RESULT_COLUMNS,
} as const satisfies Record<string, AnyPgColumn>;

export type PathwayNumberKey = keyof typeof PATHWAY_NUMBER_COLUMNS;
export const PATHWAY_NUMBER_KEYS = Object.keys(PATHWAY_NUMBER_COLUMNS) as PathwayNumberKey[];

/** Text-like sort keys beside the numbers: the structure's formula and space group, and "structure" (id, then rank). */
export const PATHWAY_SORT_KEYS = ["structure", "formula", "spacegroup", ...PATHWAY_NUMBER_KEYS] as [string, ...string[]];
export type PathwaySortKey = "structure" | "formula" | "spacegroup" | PathwayNumberKey;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A bound of a range filter: any finite number ("" means no bound). */
const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().finite().optional());

/**
 * A bound of a range over an integer column: a whole number PostgreSQL's integer holds, because
 * the bound is sent as a parameter of the column's type and 0.5 or 1e308 would fail the query.
 */
const optionalInteger = z.preprocess(blankToUndefined, z.coerce.number().int().min(-2147483648).max(2147483647).optional());
const boundOf = (k: PathwayNumberKey) => (PATHWAY_NUMBER_COLUMNS[k].getSQLType() === "integer" ? optionalInteger : optionalNumber);

type RangeShape = { [K in PathwayNumberKey as `${K}Min` | `${K}Max`]: typeof optionalNumber };
const rangeShape = Object.fromEntries(
  PATHWAY_NUMBER_KEYS.flatMap((k) => [
    [`${k}Min`, boundOf(k)],
    [`${k}Max`, boundOf(k)],
  ]),
) as RangeShape;

export const pathwayFilterSchema = structureFilterSchema
  .pick({ elements: true, formula: true, spacegroup: true })
  .extend({
    structureId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    ...rangeShape,
  });

export const pathwayListSchema = pathwayFilterSchema.extend({
  sort: z.preprocess(blankToUndefined, z.enum(PATHWAY_SORT_KEYS).default("structure")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("asc")),
  // Pages as the structures table has them.
  ...structureListSchema.pick({ page: true, pageSize: true }).shape,
});

export type PathwayFilters = z.output<typeof pathwayFilterSchema>;
export type PathwayListQuery = z.output<typeof pathwayListSchema>;

/**
 * WHERE over pathways joined to structures and to the per-pathway result tables. Missing results
 * (NULL) never satisfy a range, as in SQL: a bound on a barrier lists only pathways that have one.
 */
export function pathwayWhere(f: PathwayFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    structureWhere({ elements: f.elements, formula: f.formula, spacegroup: f.spacegroup }),
  ];
  if (f.structureId !== undefined) conds.push(eq(pathways.structureId, f.structureId));
  for (const key of PATHWAY_NUMBER_KEYS) {
    const column = PATHWAY_NUMBER_COLUMNS[key];
    const min = f[`${key}Min`];
    const max = f[`${key}Max`];
    if (min !== undefined) conds.push(gte(column, min));
    if (max !== undefined) conds.push(lte(column, max));
  }
  return and(...conds);
}

/** A table the pathways list reads: the hop's own, its structure, or a per-pathway result table. */
export type PathwayTable = "pathways" | "structures" | "measures" | "barriers";

/** The table a filterable / sortable column lives in. */
export const pathwayColumnTable = (column: AnyPgColumn): PathwayTable => getTableName(column.table) as PathwayTable;

/**
 * The tables `pathwayWhere(f)` reads. Every condition on a column of measures or barriers is a
 * range, which a missing result (NULL) never satisfies: a query for these rows may join those
 * tables as inner joins, and may leave out every table not named here.
 */
export function pathwayFilterTables(f: PathwayFilters): Set<PathwayTable> {
  const tables = new Set<PathwayTable>();
  if (structureWhere({ elements: f.elements, formula: f.formula, spacegroup: f.spacegroup })) tables.add("structures");
  if (f.structureId !== undefined) tables.add("pathways");
  for (const key of PATHWAY_NUMBER_KEYS) {
    if (f[`${key}Min`] !== undefined || f[`${key}Max`] !== undefined) tables.add(pathwayColumnTable(PATHWAY_NUMBER_COLUMNS[key]));
  }
  return tables;
}

/**
 * ORDER BY for a sort key. Missing results go last in either direction (a pathway without a
 * barrier is not "lowest"), and the pathway id breaks ties so pages never overlap or skip rows.
 */
export function pathwayOrderBy(sort: PathwaySortKey, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  if (sort === "structure") return [by(pathways.structureId), by(pathways.index), by(pathways.id)];
  if (sort === "formula") return [by(structures.formula), by(pathways.structureId), by(pathways.index), by(pathways.id)];
  if (sort === "spacegroup") return [by(structures.spacegroupNumber), by(pathways.id)];
  const column = PATHWAY_NUMBER_COLUMNS[sort];
  return [dir === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`, by(pathways.id)];
}
