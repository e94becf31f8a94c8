"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./queues.module.css";
import { useInvalidateStages } from "./use-invalidate-stages";

const REFRESH_MS = 5000;

/** Failed runs with their error; engine stages can retry one or all (back to pending, the feeder takes them again). */
export function StageFailures({ stage, canRetry }: { stage: string; canRetry: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStages();
  const query = useQuery(trpc.stages.failures.queryOptions({ stage }, { refetchInterval: REFRESH_MS }));
  const retry = useMutation(trpc.stages.retryFailed.mutationOptions({ onSettled: invalidate }));
  const data = query.data;
  if (!data) return <p className="muted">Loading failures…</p>;
  return (
    <div>
      <h3>
        Failures ({data.total})
        {canRetry && data.total > 0 ? (
          <>
            {" "}
            <button type="button" className={`button secondary ${styles.small}`} disabled={retry.isPending} onClick={() => retry.mutate({ stage })}>
              Retry all failed
            </button>
          </>
        ) : null}
      </h3>
      {retry.error ? <p className="error">{errorMessage(retry.error)}</p> : null}
      {data.total === 0 ? (
        <p className="muted">No failed runs.</p>
      ) : (
        <table className="data" aria-label={`${stage} failures`}>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Error</th>
              <th scope="col" className="num">Attempts</th>
              {canRetry ? <th scope="col">Retry</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((f) => (
              <tr key={f.inputKey}>
                <td>
                  {f.href ? <Link href={f.href}>{f.label ?? f.inputKey}</Link> : (f.label ?? <span className="mono">{f.inputKey.slice(0, 12)}</span>)}
                </td>
                <td className={styles.error}>{f.error ?? "—"}</td>
                <td className="num">{f.attempts}</td>
                {canRetry ? (
                  <td>
                    <button
                      type="button"
                      className={`button secondary ${styles.small}`}
                      disabled={retry.isPending}
                      onClick={() => retry.mutate({ stage, inputKey: f.inputKey })}
                    >
                      Retry
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.total > data.rows.length ? <p className="muted">Showing the latest {data.rows.length}.</p> : null}
    </div>
  );
}
