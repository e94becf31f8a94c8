"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";
import { CountedAt } from "./counted-at";
import { StageQueueCard } from "./stage-queue-card";

/**
 * Counts move fast while the pipeline runs: asked for every two seconds, as often as the feeder
 * ticks. The server answers with its latest count (recounted in the background), so the board says
 * how old the numbers are.
 */
const REFRESH_MS = 2000;

export function QueuesBoard() {
  const trpc = useTRPC();
  const query = useQuery(trpc.stages.queues.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  if (query.isError) return <p className="error">Could not load the queues: {query.error.message}</p>;
  if (!query.data) return <p className="muted">Loading…</p>;
  return (
    <>
      {query.data[0] ? <CountedAt countedAt={query.data[0].countedAt} /> : null}
      {query.data.map((q) => (
        <StageQueueCard key={q.stage} queue={q} />
      ))}
    </>
  );
}
