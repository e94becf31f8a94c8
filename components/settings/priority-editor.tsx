"use client";

import { newRowId } from "./criterion-rows";
import type { CriteriaColumn, SettingsForm } from "./settings-types";
import styles from "./settings.module.css";

export type PriorityRow = { id: number; column: string; dir: "asc" | "desc" } | { id: number; ranking: string };

interface Props {
  rows: PriorityRow[];
  columns: CriteriaColumn[];
  rankings: SettingsForm["rankings"];
  onChange: (rows: PriorityRow[]) => void;
}

/** The claim order: terms applied in turn, each a column with its direction or a named ranking. */
export function PriorityEditor({ rows, columns, rankings, onChange }: Props) {
  const update = (id: number, row: PriorityRow) => onChange(rows.map((r) => (r.id === id ? row : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    onChange(next);
  };
  return (
    <div>
      <ol className={styles.rows}>
        {rows.map((row, i) => (
          <li key={row.id} className={styles.row} data-testid="priority-row">
            {"ranking" in row ? (
              <select aria-label={`Priority ${i + 1} ranking`} value={row.ranking} onChange={(e) => update(row.id, { id: row.id, ranking: e.target.value })}>
                {rankings.map((r) => (
                  <option key={r.name} value={r.name}>
                    {r.label}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <select aria-label={`Priority ${i + 1} column`} value={row.column} onChange={(e) => update(row.id, { ...row, column: e.target.value })}>
                  {columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={`Priority ${i + 1} direction`}
                  value={row.dir}
                  onChange={(e) => update(row.id, { ...row, dir: e.target.value as "asc" | "desc" })}
                >
                  <option value="asc">ascending</option>
                  <option value="desc">descending</option>
                </select>
              </>
            )}
            <button type="button" className={`button secondary ${styles.small}`} aria-label={`Move priority ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button
              type="button"
              className={`button secondary ${styles.small}`}
              aria-label={`Move priority ${i + 1} down`}
              disabled={i === rows.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className={`button secondary ${styles.small}`}
              aria-label={`Remove priority ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className={styles.row}>
        <button
          type="button"
          className={`button secondary ${styles.small}`}
          onClick={() => onChange([...rows, { id: newRowId(), column: columns[0].name, dir: "asc" }])}
        >
          Add column
        </button>
        {rankings.length > 0 ? (
          <button
            type="button"
            className={`button secondary ${styles.small}`}
            onClick={() => onChange([...rows, { id: newRowId(), ranking: rankings[0].name }])}
          >
            Add ranking
          </button>
        ) : null}
      </div>
    </div>
  );
}
