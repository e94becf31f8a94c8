"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";

const REFRESH_MS = 5000;

/** The worker processes taking this stage's jobs, with their heartbeat: a stale one is being recovered from. */
export function StageWorkers({ stage }: { stage: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.stages.workers.queryOptions({ stage }, { refetchInterval: REFRESH_MS }));
  const workers = query.data ?? [];
  return (
    <div>
      <h3>Workers ({query.data ? workers.length : "…"})</h3>
      {workers.length === 0 ? (
        <p className="muted">{query.data ? "No worker takes this stage's jobs." : "Loading…"}</p>
      ) : (
        <table className="data" aria-label={`${stage} workers`}>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col" className="num">PID</th>
              <th scope="col" className="num">Running here</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">Tasks</th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.id}>
                <td>{w.host}</td>
                <td className="num">{w.pid}</td>
                <td className="num">{w.running}</td>
                <td>
                  {w.lastHeartbeat.toLocaleTimeString("en-GB")}
                  {w.stoppedAt ? " (stopped)" : w.stale ? " (stale)" : ""}
                </td>
                <td className="mono">{w.stages.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
