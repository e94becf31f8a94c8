/**
 * Criteria as the form edits them (text in inputs) and as settings hold them (typed values), and
 * the conversion both ways. Values are typed by the column's kind; the server checks them again.
 */
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";
import type { CriteriaColumn } from "./settings-types";

export interface CriterionRow {
  id: number;
  column: string;
  op: string;
  /** The value as typed; a comma-separated list for list operators and array columns. */
  text: string;
  /** A stage parameter whose current value is used instead of `text` (e.g. "ion"); "" for none. */
  param: string;
}

export type Criterion = inferRouterInputs<AppRouter>["settings"]["preview"]["criteria"][number];

const NO_VALUE = ["is_null", "not_null"];
const LIST_OPS = ["in", "not_in", "contains", "contains_any", "not_contains"];

export const takesValue = (op: string) => !NO_VALUE.includes(op);

let nextId = 1;
export const newRowId = () => nextId++;

function parseScalar(text: string, kind: CriteriaColumn["valueKind"]): unknown {
  const t = text.trim();
  // A malformed number or boolean is sent as typed, so the server's message names what is wrong.
  if (kind === "number") return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
  if (kind === "boolean") return t === "true" ? true : t === "false" ? false : t;
  return t;
}

export function toCriterion(row: CriterionRow, column: CriteriaColumn | undefined): Criterion {
  // The operator was picked from the column's list the server sent; the server checks it again.
  const op = row.op as Criterion["op"];
  if (!takesValue(op)) return { column: row.column, op };
  if (row.param) return { column: row.column, op, value: { param: row.param } };
  const kind = column?.valueKind ?? "string";
  if (LIST_OPS.includes(row.op)) {
    const items = row.text.split(",").map((s) => s.trim()).filter((s) => s !== "");
    return { column: row.column, op, value: items.map((s) => parseScalar(s, kind)) };
  }
  return { column: row.column, op, value: parseScalar(row.text, kind) };
}

export function fromCriterion(c: { column: string; op: string; value?: unknown }): CriterionRow {
  const v = c.value;
  const param = v && typeof v === "object" && !Array.isArray(v) && "param" in v ? String((v as { param: unknown }).param) : "";
  const text = param || v === undefined || v === null ? "" : Array.isArray(v) ? v.join(", ") : String(v);
  return { id: newRowId(), column: c.column, op: c.op, text, param };
}
