"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";

const REFRESH_MS = 5000;

/** One line on the structure imports still under way or failed, refreshed while the page is open. */
export function ImportStatus() {
  const trpc = useTRPC();
  const summary = useQuery(trpc.submissions.importSummary.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const s = summary.data;
  if (!s) return null;
  return (
    <p className="muted" data-testid="import-status">
      Imports: {s.inProgress} in progress, {s.done} imported, {s.skipped} duplicates, {s.failed} failed.
    </p>
  );
}
