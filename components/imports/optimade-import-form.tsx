"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { ImportCard } from "./import-card";
import styles from "./imports.module.css";

/** Any OPTIMADE provider's structures endpoint, with a filter in the OPTIMADE grammar. */
export function OptimadeImportForm() {
  const trpc = useTRPC();
  const start = useMutation(trpc.imports.startOptimade.mutationOptions());
  const [url, setUrl] = useState("");
  const [filter, setFilter] = useState('elements HAS "F" AND nsites<=50');
  return (
    <ImportCard
      id="optimade"
      title="Import from OPTIMADE"
      pending={start.isPending}
      start={() => start.mutateAsync({ providerUrl: url.trim(), filter })}
    >
      <div className={styles.field}>
        <label htmlFor="optimade-url">Provider URL</label>
        <input id="optimade-url" type="url" placeholder="https://optimade.example.org/v1" value={url} onChange={(e) => setUrl(e.target.value)} required />
      </div>
      <div className={styles.field}>
        <label htmlFor="optimade-filter">Filter</label>
        <input id="optimade-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
    </ImportCard>
  );
}
