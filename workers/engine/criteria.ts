import { sql, type SQL } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { CriterionSetting, PrioritySetting } from "../../db/schema/index";

/**
 * Criteria and priority are data, never SQL text: a column name must be one the stage whitelisted,
 * the operator one of these, and every value is a bound parameter checked against the column's type.
 */
export const CRITERION_OPS = [
  "eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "is_null", "not_null",
  // Array columns (e.g. elements): has all of, has any of, has none of the values.
  "contains", "contains_any", "not_contains",
] as const;
export type CriterionOp = (typeof CRITERION_OPS)[number];

export const criterionSchema = z.object({
  column: z.string(),
  op: z.enum(CRITERION_OPS),
  /** A value, a list (in, not_in, array ops), or { param: name } to use a stage parameter's current value. */
  value: z.unknown().optional(),
});
export const priorityColumnSchema = z.object({ column: z.string(), dir: z.enum(["asc", "desc"]) });
/** A ranking is chosen by name only; its SQL lives in code (rankings.ts), never in settings. */
export const priorityRankingSchema = z.object({ ranking: z.string() });
export const prioritySchema = z.union([priorityColumnSchema, priorityRankingSchema]);

/** The ORDER BY terms of a named ranking for the stage being compiled; throws when there is none such. */
export type RankingResolver = (name: string) => SQL[];

export type Kind = "number" | "string" | "boolean" | "date" | "array";
const SCALAR_OPS: CriterionOp[] = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "is_null", "not_null"];
/** Operators that apply to a column of each kind (the settings page offers only these). */
export const OPS_BY_KIND: Record<Kind, CriterionOp[]> = {
  number: SCALAR_OPS,
  string: SCALAR_OPS,
  date: SCALAR_OPS,
  boolean: ["eq", "ne", "is_null", "not_null"],
  array: ["contains", "contains_any", "not_contains", "is_null", "not_null"],
};

const COMPARISONS: Record<string, string> = { eq: "=", ne: "<>", lt: "<", lte: "<=", gt: ">", gte: ">=" };

export function kindOf(column: AnyPgColumn): Kind {
  const t = column.dataType;
  if (t === "number" || t === "string" || t === "boolean" || t === "date" || t === "array") return t;
  throw new Error(`column ${column.name} (${t}) cannot be used in criteria`);
}

const scalarSchemas = {
  number: z.number().finite(),
  // PostgreSQL text cannot hold NUL: refuse it here rather than fail inside the query later.
  string: z.string().refine((v) => !v.includes("\u0000"), "text may not contain NUL characters"),
  boolean: z.boolean(),
  date: z.iso.datetime({ offset: true }).or(z.iso.date()),
};

const INT32 = 2 ** 31;
/** Number schemas narrowed to what the column's SQL type can hold, so a saved criterion always runs. */
const INTEGER_SCHEMAS: Record<string, z.ZodNumber> = {
  integer: z.number().int().min(-INT32).max(INT32 - 1),
  serial: z.number().int().min(-INT32).max(INT32 - 1),
  smallint: z.number().int().min(-32768).max(32767),
  smallserial: z.number().int().min(-32768).max(32767),
  bigint: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  bigserial: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
};

function scalarSchema(column: AnyPgColumn): z.ZodType {
  const kind = scalarKind(column);
  if (kind !== "number") return scalarSchemas[kind];
  const base = (column as unknown as { baseColumn?: AnyPgColumn }).baseColumn ?? column;
  return INTEGER_SCHEMAS[base.getSQLType()] ?? scalarSchemas.number;
}

export function scalarKind(column: AnyPgColumn): Exclude<Kind, "array"> {
  const kind = kindOf(column);
  if (kind !== "array") return kind;
  const base = (column as unknown as { baseColumn?: AnyPgColumn }).baseColumn;
  const baseKind = base ? kindOf(base) : "string";
  if (baseKind === "array") throw new Error(`nested array column ${column.name} cannot be used in criteria`);
  return baseKind;
}

function resolveValue(value: unknown, params: Record<string, unknown>): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && "param" in value) {
    const name = String((value as { param: unknown }).param);
    if (!(name in params)) throw new Error(`criterion refers to unknown parameter ${name}`);
    return params[name];
  }
  return value;
}

// Serial columns are integers; "serial" is not a type a value can be cast to.
const SERIAL_TYPES: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };
const castType = (sqlType: string) => SERIAL_TYPES[sqlType] ?? sqlType;

/** A typed, bound parameter cast to the column's own SQL type (the type comes from the schema, not the user). */
const bound = (value: unknown, type: string) => sql`cast(${sql.param(value)} as ${sql.raw(type)})`;

function compileOne(c: CriterionSetting, columns: Record<string, AnyPgColumn>, params: Record<string, unknown>): SQL {
  const parsed = criterionSchema.parse(c);
  const column = columns[parsed.column];
  if (!column) throw new Error(`unknown criteria column ${parsed.column}; allowed: ${Object.keys(columns).join(", ")}`);
  const kind = kindOf(column);
  if (!OPS_BY_KIND[kind].includes(parsed.op)) throw new Error(`operator ${parsed.op} does not apply to ${parsed.column} (${kind})`);
  if (parsed.op === "is_null") return sql`${column} is null`;
  if (parsed.op === "not_null") return sql`${column} is not null`;

  const value = resolveValue(parsed.value, params);
  const scalar = scalarSchema(column);
  const type = castType(column.getSQLType());
  if (kind === "array") {
    const values = z.array(scalar).min(1).parse(Array.isArray(value) ? value : [value]);
    const list = bound(values, type);
    if (parsed.op === "contains") return sql`${column} @> ${list}`;
    if (parsed.op === "contains_any") return sql`${column} && ${list}`;
    return sql`not (${column} && ${list})`;
  }
  if (parsed.op === "in" || parsed.op === "not_in") {
    const values = z.array(scalar).min(1).parse(value);
    const list = bound(values, `${type}[]`);
    return parsed.op === "in" ? sql`${column} = any(${list})` : sql`not (${column} = any(${list}))`;
  }
  const v = bound(scalar.parse(value), type);
  return sql`${column} ${sql.raw(COMPARISONS[parsed.op])} ${v}`;
}

/** The criteria as one SQL condition (all must hold); throws with a readable message on anything not allowed. */
export function compileCriteria(
  criteria: CriterionSetting[],
  columns: Record<string, AnyPgColumn>,
  params: Record<string, unknown>,
): SQL {
  if (criteria.length === 0) return sql`true`;
  return sql.join(
    criteria.map((c) => sql`(${compileOne(c, columns, params)})`),
    sql` and `,
  );
}

/**
 * ORDER BY terms for the priority (nulls last either way), without the final tie-breaker. A
 * `{ ranking }` entry expands to the ranking's terms, which only `resolveRanking` can supply.
 */
export function compilePriority(
  priority: PrioritySetting[],
  columns: Record<string, AnyPgColumn>,
  resolveRanking?: RankingResolver,
): SQL[] {
  return priority.flatMap((p) => {
    const parsed = prioritySchema.parse(p);
    if ("ranking" in parsed) {
      if (!resolveRanking) throw new Error(`ranking ${parsed.ranking} cannot be used here`);
      return resolveRanking(parsed.ranking);
    }
    const column = columns[parsed.column];
    if (!column) throw new Error(`unknown priority column ${parsed.column}; allowed: ${Object.keys(columns).join(", ")}`);
    kindOf(column);
    return parsed.dir === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  });
}

/**
 * A table's columns usable in criteria, by their SQL name (as users see them in the database and
 * CSV exports): every column of a comparable type, except those listed.
 */
export function criteriaColumnsOf(table: PgTable, except: string[] = []): Record<string, AnyPgColumn> {
  return Object.fromEntries(
    Object.values(getTableColumns(table))
      .filter((c) => !except.includes(c.name) && ["number", "string", "boolean", "date", "array"].includes(c.dataType))
      .map((c) => [c.name, c as AnyPgColumn]),
  );
}

/**
 * The whitelists of an input and its joined tables as one: a stage's criteria may then name columns
 * of any of them. A name given twice is refused rather than silently taken from one table; leave
 * shared names (id, created_at) out of all but one table.
 */
export function mergeCriteriaColumns(...lists: Array<Record<string, AnyPgColumn>>): Record<string, AnyPgColumn> {
  const merged: Record<string, AnyPgColumn> = {};
  for (const list of lists) {
    for (const [name, column] of Object.entries(list)) {
      if (name in merged) throw new Error(`criteria column ${name} is named by two tables; leave it out of one`);
      merged[name] = column;
    }
  }
  return merged;
}
