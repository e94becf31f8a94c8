"use client";

import type { CheckpointListItem } from "./checkpoint-types";
import { megabytes } from "./checkpoint-types";
import styles from "./checkpoints.module.css";

const href = (id: number, table?: string) => `/checkpoints/${id}/download${table ? `?table=${encodeURIComponent(table)}` : ""}`;

/** One row per checkpoint: when, size, per-table row counts with their CSVs, the zip and restore. */
export function CheckpointRows({ items, onRestore }: { items: CheckpointListItem[]; onRestore: (c: CheckpointListItem) => void }) {
  return (
    <table className="data" data-testid="checkpoints">
      <thead>
        <tr>
          <th>Name</th>
          <th>Created</th>
          <th className="num">Size</th>
          <th>Tables (rows) — CSV</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-checkpoint-id={c.id}>
            <td>{c.name}</td>
            <td>
              <time dateTime={c.createdAt.toISOString()}>{c.createdAt.toLocaleString()}</time>
              <div className="muted">schema {c.schema}</div>
            </td>
            <td className="num">{megabytes(c.sizeBytes)}</td>
            <td>
              <details>
                <summary>
                  {c.tables.length} tables, {c.tables.reduce((n, t) => n + t.rows, 0)} rows
                </summary>
                <ul className={styles.tables}>
                  {c.tables.map((t) => (
                    <li key={t.name}>
                      <a href={href(c.id, t.name)} download>
                        {t.name}.csv
                      </a>{" "}
                      <span className="muted">({t.rows})</span>
                    </li>
                  ))}
                </ul>
              </details>
            </td>
            <td>
              <div className={styles.actions}>
                <a className="button secondary" href={href(c.id)} download>
                  Download zip
                </a>
                <button className="button secondary" type="button" onClick={() => onRestore(c)}>
                  Restore…
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
