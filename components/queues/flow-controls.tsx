"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./queues.module.css";
import { useInvalidateStages } from "./use-invalidate-stages";

/** Concurrency up and down and pause/resume: each saves a settings version the feeders apply on their next tick. */
export function FlowControls({ stage, concurrency, paused }: { stage: string; concurrency: number; paused: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStages();
  const setConcurrency = useMutation(trpc.stages.setConcurrency.mutationOptions({ onSettled: invalidate }));
  const setPaused = useMutation(trpc.stages.setPaused.mutationOptions({ onSettled: invalidate }));
  const busy = setConcurrency.isPending || setPaused.isPending;
  const error = setConcurrency.error ?? setPaused.error;
  return (
    <div className={styles.controls}>
      <span className="muted">Concurrency</span>
      <button
        type="button"
        className={`button secondary ${styles.small}`}
        aria-label={`Lower ${stage} concurrency`}
        disabled={busy || concurrency <= 0}
        onClick={() => setConcurrency.mutate({ stage, concurrency: concurrency - 1 })}
      >
        −
      </button>
      <span className={styles.concurrency} data-testid={`${stage}-concurrency`}>
        {concurrency}
      </span>
      <button
        type="button"
        className={`button secondary ${styles.small}`}
        aria-label={`Raise ${stage} concurrency`}
        disabled={busy}
        onClick={() => setConcurrency.mutate({ stage, concurrency: concurrency + 1 })}
      >
        +
      </button>
      {paused ? <span className={styles.paused}>paused</span> : null}
      <button
        type="button"
        className={`button ${styles.small}`}
        disabled={busy}
        onClick={() => setPaused.mutate({ stage, paused: !paused })}
      >
        {paused ? `Resume ${stage}` : `Pause ${stage}`}
      </button>
      {error ? (
        <span className="error" role="alert">
          {errorMessage(error)}
        </span>
      ) : null}
    </div>
  );
}
