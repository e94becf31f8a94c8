/**
 * The structures table's query language: which filters and sort keys a client may ask for
 * (a zod whitelist) and how they become SQL (drizzle expressions, values always bound).
 * The tRPC list procedure and the CSV stream read the same query-string shape, so a table
 * state copied from the address bar downloads exactly the rows it shows.
 */
import { and, arrayContains, asc, desc, eq, gte, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { structures } from "../../db/schema/structures";
import { isElement } from "../../lib/elements/elements";

/** Empty form fields arrive as "" and mean "no filter". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const optionalInt = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());

// PostgreSQL text cannot hold NUL: bound as a parameter it fails the query instead of matching nothing.
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).refine((s) => !s.includes("\0"), "must not contain NUL characters").optional());

/** "Ca, F" or ["Ca","F"] → ["Ca","F"]; each must be a real element symbol. */
const elementList = z.preprocess(
  (v) => {
    const parts = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[\s,]+/) : [];
    return [...new Set(parts.map(String).filter((s) => s.length > 0))];
  },
  z.array(z.string().refine(isElement, { message: "not an element symbol" })).max(12),
).default([]);

export const SORT_KEYS = ["formula", "nsites", "density", "volume", "spacegroup", "created"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const structureFilterSchema = z.object({
  elements: elementList,
  formula: optionalText(100),
  nsitesMin: optionalInt(0, 1_000_000),
  nsitesMax: optionalInt(0, 1_000_000),
  /** A space-group number (1–230) or a Hermann–Mauguin symbol. */
  spacegroup: optionalText(40),
});

export const structureListSchema = structureFilterSchema.extend({
  sort: z.preprocess(blankToUndefined, z.enum(SORT_KEYS).default("created")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: "unsupported page size" })
      .default(25),
  ),
});

export type StructureFilters = z.output<typeof structureFilterSchema>;
export type StructureListQuery = z.output<typeof structureListSchema>;

/** Reads a query string (?elements=Ca,F&nsitesMax=20…) into raw values for the schemas. */
export function searchParamsToRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) out[k] = v;
  return out;
}

/** Escapes LIKE wildcards so a user's "%" or "_" matches itself. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Space groups are written "P 21/c", "P2_1/c" or "P21/c": compare without spaces or underscores. */
const compactSymbol = (s: string) => s.replace(/[\s_]/g, "");

export function structureWhere(f: StructureFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.elements.length > 0) conds.push(arrayContains(structures.elements, f.elements));
  if (f.formula) {
    // Formulas are stored with or without spaces between elements ("Ca4 F8"); match either way.
    const pattern = `%${likeLiteral(f.formula.replace(/\s+/g, ""))}%`;
    conds.push(
      or(
        sql`replace(${structures.formula}, ' ', '') ilike ${pattern}`,
        sql`replace(${structures.reducedFormula}, ' ', '') ilike ${pattern}`,
      ),
    );
  }
  if (f.nsitesMin !== undefined) conds.push(gte(structures.nsites, f.nsitesMin));
  if (f.nsitesMax !== undefined) conds.push(lte(structures.nsites, f.nsitesMax));
  if (f.spacegroup) {
    if (/^\d+$/.test(f.spacegroup)) conds.push(eq(structures.spacegroupNumber, Number(f.spacegroup)));
    else
      conds.push(
        sql`replace(replace(${structures.spacegroupSymbol}, ' ', ''), '_', '') = ${compactSymbol(f.spacegroup)}`,
      );
  }
  return and(...conds);
}

const SORT_COLUMNS = {
  formula: structures.formula,
  nsites: structures.nsites,
  density: structures.density,
  volume: structures.volume,
  spacegroup: structures.spacegroupNumber,
  created: structures.createdAt,
} as const;

/** ORDER BY for a sort key, with id as tie-breaker so pages never overlap or skip rows. */
export function structureOrderBy(sort: SortKey, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  return [by(SORT_COLUMNS[sort]), by(structures.id)];
}
