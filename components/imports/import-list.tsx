"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./imports.module.css";

const POLL_MS = 1500;

/** Remote imports with their progress, refreshed while any is queued or running. */
export function ImportList() {
  const trpc = useTRPC();
  const list = useQuery(
    trpc.imports.list.queryOptions(undefined, {
      refetchInterval: (q) => (q.state.data?.some((i) => i.status === "queued" || i.status === "running") ? POLL_MS : POLL_MS * 4),
    }),
  );
  if (list.isError) return <p className={styles.error}>Could not read the imports: {list.error.message}</p>;
  if (!list.data) return <p className={styles.hint}>Loading…</p>;
  if (list.data.length === 0) return <p className={styles.hint}>No imports from remote databases yet.</p>;
  return (
    <table className={styles.table} aria-label="Remote imports">
      <thead>
        <tr>
          <th>Import</th>
          <th>Status</th>
          <th>Progress</th>
          <th>Counts</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {list.data.map((i) => {
          const c = i.counts;
          return (
            <tr key={i.key} data-status={i.status}>
              <td>{i.description}</td>
              <td>
                {i.status}
                {i.error && <div className={styles.error}>{i.error}</div>}
              </td>
              <td>
                <progress className={styles.bar} max={c.total ?? Math.max(c.fetched, 1)} value={c.fetched} />
                <div>
                  {c.fetched}
                  {c.total !== undefined ? ` / ${c.total}` : ""} fetched
                </div>
              </td>
              <td>
                {c.queued} queued, {c.alreadyQueued} already queued, {c.skipped} skipped
                {c.retries > 0 ? `, ${c.retries} retries` : ""}
                {Object.keys(c.skipReasons).length > 0 && (
                  <div className={styles.hint}>
                    skipped: {Object.entries(c.skipReasons).map(([why, n]) => `${n} ${why}`).join(", ")}
                  </div>
                )}
              </td>
              <td>{i.updatedAt.toLocaleString()}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
