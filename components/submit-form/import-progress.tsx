"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./submit-form.module.css";

const POLL_MS = 1000;
/** Statuses after which the import job will not change any more. */
const FINAL = new Set(["done", "skipped", "failed"]);

const LABELS: Record<string, string> = {
  unknown: "Waiting for the import to be registered…",
  pending: "Queued…",
  queued: "Queued…",
  running: "Importing…",
  done: "Imported, opening it…",
  skipped: "Already in the library, opening it…",
};

/**
 * Polls the import job of a submission and, once it has finished, opens the structure it
 * produced ("done") or found ("skipped": an identical structure was already stored, or
 * `alreadySubmitted`: this same file was submitted before).
 */
export function ImportProgress(props: { inputKey: string; alreadySubmitted: boolean; onFailed: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const status = useQuery(
    trpc.submissions.status.queryOptions(
      { inputKey: props.inputKey },
      { refetchInterval: (q) => (q.state.data && FINAL.has(q.state.data.status) ? false : POLL_MS) },
    ),
  );
  const data = status.data;
  const { onFailed, alreadySubmitted } = props;

  useEffect(() => {
    if (!data) return;
    if (data.status === "failed") onFailed(data.error ?? "The import failed.");
    else if ((data.status === "done" || data.status === "skipped") && data.structureId !== undefined) {
      const duplicate = data.status === "skipped" || alreadySubmitted;
      router.push(`/structures/${data.structureId}?submitted=${duplicate ? "duplicate" : "new"}`);
    }
  }, [data, router, onFailed, alreadySubmitted]);

  return (
    <p role="status" aria-live="polite" className={styles.progress}>
      {status.isError ? `Could not read the import's status: ${status.error.message}` : LABELS[data?.status ?? "unknown"]}
      {data?.error && data.status !== "failed" ? ` (retrying after: ${data.error})` : ""}
    </p>
  );
}
