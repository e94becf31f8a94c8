"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import type { SettingsVersion } from "./settings-types";
import styles from "./settings.module.css";

function contentOf(v: SettingsVersion): string {
  const { criteria, priority, concurrency, params, autoBroaden, timeLimitSeconds } = v;
  return JSON.stringify({ criteria, priority, concurrency, params, autoBroaden, timeLimitSeconds }, null, 1);
}

/** Every saved version, newest first; restoring one saves its content as a new version. */
export function VersionHistory({ stage, currentVersion }: { stage: string; currentVersion: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.settings.history.queryOptions({ stage }));
  const restore = useMutation(
    trpc.settings.restore.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.settings.pathFilter()), queryClient.invalidateQueries(trpc.stages.pathFilter())]),
    }),
  );
  if (!history.data) return <p className="muted">Loading versions…</p>;
  return (
    <div>
      {restore.error ? (
        <p className="error" role="alert">
          {errorMessage(restore.error)}
        </p>
      ) : null}
      <table className="data" aria-label="Settings versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Note</th>
            <th scope="col">Content</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {history.data.map((v) => (
            <tr key={v.version} data-testid={`version-${v.version}`}>
              <td>v{v.version}</td>
              <td>{v.createdAt.toLocaleString("en-GB")}</td>
              <td>{v.note ?? "—"}</td>
              <td>
                <details>
                  <summary>
                    {v.criteria.length} criteria, concurrency {v.concurrency}
                  </summary>
                  <pre className={styles.content}>{contentOf(v)}</pre>
                </details>
              </td>
              <td>
                {v.version === currentVersion ? (
                  <span className="muted">current</span>
                ) : (
                  <button
                    type="button"
                    className={`button secondary ${styles.small}`}
                    disabled={restore.isPending}
                    aria-label={`Restore v${v.version}`}
                    onClick={() => restore.mutate({ stage, version: v.version })}
                  >
                    Restore
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
