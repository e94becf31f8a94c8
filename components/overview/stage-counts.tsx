"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";

/** How often the table refreshes: workers finish runs while the page is open. */
const REFRESH_MS = 5000;

const n = (x: number) => x.toLocaleString("en-US");

/**
 * Per stage of the pipeline: result rows, and its runs done, in progress (pending, queued or
 * running) and failed. Skipped runs (duplicate imports) are counted with done in the title.
 */
export function StageCounts() {
  const trpc = useTRPC();
  const counts = useQuery(trpc.overview.stageCounts.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  if (counts.isError) return <p className="error">Could not load the pipeline's progress: {counts.error.message}</p>;
  return (
    <table className="data" aria-label="Pipeline progress" aria-busy={counts.isPending} style={{ maxWidth: 860 }}>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="num">Results</th>
          <th scope="col" className="num">Runs done</th>
          <th scope="col" className="num">In progress</th>
          <th scope="col" className="num">Failed</th>
        </tr>
      </thead>
      <tbody>
        {(counts.data ?? []).map((s) => (
          <tr key={s.stage} data-testid={`stage-${s.stage}`}>
            <th scope="row">{s.stage}</th>
            <td className="num" title={s.unit}>
              <span data-testid={`stage-${s.stage}-results`}>{n(s.results)}</span> <span className="muted">{s.unit}</span>
            </td>
            <td className="num" title={s.runs.skipped ? `and ${s.runs.skipped} skipped` : undefined}>
              {n(s.runs.done)}
            </td>
            <td className="num" title={`${s.runs.pending} pending, ${s.runs.queued} queued, ${s.runs.running} running`}>
              {n(s.inProgress)}
            </td>
            <td className={s.runs.failed > 0 ? "num error" : "num"}>{n(s.runs.failed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
