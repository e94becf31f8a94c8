"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import type { Criterion } from "./criterion-rows";
import styles from "./settings.module.css";
import { validationIssues } from "./validation-issues";

const signed = (n: number) => (n > 0 ? `${n.toLocaleString("en-US")} more` : n < 0 ? `${(-n).toLocaleString("en-US")} fewer` : "no change");

/** How many inputs the edited criteria would make eligible, counted by the server with the engine's SQL. */
export function EligiblePreview({ stage, criteria, params }: { stage: string; criteria: Criterion[]; params: Record<string, unknown> }) {
  const trpc = useTRPC();
  // Typing in a value changes the criteria on every key; the count follows without a request per key.
  const input = useDeferredValue({ stage, criteria, params });
  const query = useQuery(trpc.settings.preview.queryOptions(input, { placeholderData: keepPreviousData, retry: false }));
  if (query.isError) {
    return (
      <div className="error" role="alert" data-testid="preview-error">
        {validationIssues(query.error).map((m) => (
          <div key={m}>{m}</div>
        ))}
      </div>
    );
  }
  const p = query.data;
  return (
    <p className={styles.preview} role="status" aria-live="polite">
      {p ? (
        <>
          With these criteria <strong data-testid="preview-eligible">{p.proposed.toLocaleString("en-US")}</strong> inputs would be eligible (
          <span data-testid="preview-difference">{signed(p.difference)}</span> than the{" "}
          <span data-testid="preview-current">{p.current.toLocaleString("en-US")}</span> now).
        </>
      ) : (
        "Counting…"
      )}
    </p>
  );
}
