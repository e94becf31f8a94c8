"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./queues.module.css";
import { useInvalidateStages } from "./use-invalidate-stages";

const REFRESH_MS = 5000;

/** What the feeder claims next, and moving any eligible input (by key) to the front of the queue. */
export function NextUp({ stage }: { stage: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStages();
  const query = useQuery(trpc.stages.nextUp.queryOptions({ stage }, { refetchInterval: REFRESH_MS }));
  const move = useMutation(trpc.stages.moveToFront.mutationOptions({ onSettled: invalidate }));
  const [key, setKey] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate({ stage, inputKey: key }, { onSuccess: () => setKey("") });
  };
  const rows = query.data ?? [];
  return (
    <div>
      <h3>Next up</h3>
      {rows.length === 0 ? (
        <p className="muted">{query.data ? "Nothing eligible." : "Loading…"}</p>
      ) : (
        <ol aria-label={`${stage} next up`} data-testid={`${stage}-next-up`}>
          {rows.map((n) => (
            <li key={n.inputKey} data-input-key={n.inputKey}>
              {n.href ? <Link href={n.href}>{n.label ?? n.inputKey}</Link> : (n.label ?? n.inputKey)}{" "}
              <span className="muted mono">#{n.inputKey}</span>
              {n.movedToFront ? <strong> (moved to front)</strong> : null}
            </li>
          ))}
        </ol>
      )}
      <form className={styles.moveForm} onSubmit={submit}>
        <label>
          Input key{" "}
          <input value={key} onChange={(e) => setKey(e.target.value)} aria-label={`${stage} input key to move`} required />
        </label>
        <button type="submit" className={`button secondary ${styles.small}`} disabled={move.isPending}>
          Move to front
        </button>
      </form>
      {move.error ? (
        <p className="error" role="alert">
          {errorMessage(move.error)}
        </p>
      ) : null}
    </div>
  );
}
