"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./imports.module.css";

/** Any OPTIMADE provider's structures endpoint, with a filter in the OPTIMADE grammar. */
export function OptimadeImportForm() {
  const trpc = useTRPC();
  const start = useMutation(trpc.imports.startOptimade.mutationOptions());
  const [url, setUrl] = useState("");
  const [filter, setFilter] = useState('elements HAS "F" AND nsites<=50');
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const r = await start.mutateAsync({ providerUrl: url.trim(), filter });
      setMessage(r.started ? "Import queued: see its progress below." : "This import is already running.");
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby="optimade-title">
      <h2 id="optimade-title">Import from OPTIMADE</h2>
      <div className={styles.field}>
        <label htmlFor="optimade-url">Provider URL</label>
        <input id="optimade-url" type="url" placeholder="https://optimade.example.org/v1" value={url} onChange={(e) => setUrl(e.target.value)} required />
      </div>
      <div className={styles.field}>
        <label htmlFor="optimade-filter">Filter</label>
        <input id="optimade-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <button type="submit" disabled={start.isPending}>
        Import
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
