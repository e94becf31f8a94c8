"use client";

import { newRowId, takesValue, type CriterionRow } from "./criterion-rows";
import type { CriteriaColumn } from "./settings-types";
import styles from "./settings.module.css";

const OP_LABELS: Record<string, string> = {
  eq: "=",
  ne: "≠",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  in: "is one of",
  not_in: "is none of",
  is_null: "is empty",
  not_null: "is not empty",
  contains: "contains all of",
  contains_any: "contains any of",
  not_contains: "contains none of",
};

interface Props {
  rows: CriterionRow[];
  columns: CriteriaColumn[];
  paramNames: string[];
  onChange: (rows: CriterionRow[]) => void;
}

/** Criteria as rows of (column, operator, value); all must hold. Columns come grouped by the table they belong to. */
export function CriteriaEditor({ rows, columns, paramNames, onChange }: Props) {
  const tables = [...new Set(columns.map((c) => c.table))];
  const update = (id: number, change: Partial<CriterionRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const columnOf = (name: string) => columns.find((c) => c.name === name);
  const add = () => {
    const first = columns.find((c) => c.name === "nsites") ?? columns[0];
    onChange([...rows, { id: newRowId(), column: first.name, op: first.ops[0], text: "", param: "" }]);
  };
  return (
    <div>
      <div className={styles.rows}>
        {rows.length === 0 ? <p className="muted">No criteria: every input is eligible.</p> : null}
        {rows.map((row, i) => {
          const column = columnOf(row.column);
          const ops = column?.ops ?? [row.op];
          return (
            <div key={row.id} className={styles.row} data-testid="criterion-row">
              <select
                aria-label={`Criterion ${i + 1} column`}
                value={row.column}
                onChange={(e) => {
                  const next = columnOf(e.target.value);
                  const op = next && !(next.ops as string[]).includes(row.op) ? next.ops[0] : row.op;
                  update(row.id, { column: e.target.value, op });
                }}
              >
                {tables.map((t) => (
                  <optgroup key={t} label={t}>
                    {columns
                      .filter((c) => c.table === t)
                      .map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              <select aria-label={`Criterion ${i + 1} operator`} value={row.op} onChange={(e) => update(row.id, { op: e.target.value })}>
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {OP_LABELS[op] ?? op}
                  </option>
                ))}
              </select>
              {takesValue(row.op) ? (
                <>
                  <select
                    aria-label={`Criterion ${i + 1} value source`}
                    value={row.param}
                    onChange={(e) => update(row.id, { param: e.target.value })}
                  >
                    <option value="">value</option>
                    {paramNames.map((p) => (
                      <option key={p} value={p}>
                        parameter {p}
                      </option>
                    ))}
                  </select>
                  {row.param ? null : (
                    <input
                      aria-label={`Criterion ${i + 1} value`}
                      value={row.text}
                      placeholder={column?.kind === "array" || ["in", "not_in"].includes(row.op) ? "a, b, c" : column?.valueKind}
                      onChange={(e) => update(row.id, { text: e.target.value })}
                    />
                  )}
                </>
              ) : null}
              <button
                type="button"
                className={`button secondary ${styles.small}`}
                aria-label={`Remove criterion ${i + 1}`}
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button type="button" className={`button secondary ${styles.small}`} onClick={add}>
        Add criterion
      </button>
    </div>
  );
}
