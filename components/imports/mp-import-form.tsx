"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { ImportCard } from "./import-card";
import styles from "./imports.module.css";

const optionalNumber = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** Materials Project search: elements, max sites, max energy above hull; a key typed here is used once and never stored. */
export function MpImportForm() {
  const trpc = useTRPC();
  const config = useQuery(trpc.imports.config.queryOptions());
  const start = useMutation(trpc.imports.startMp.mutationOptions());
  const [elements, setElements] = useState("F");
  const [maxSites, setMaxSites] = useState("20");
  const [maxEHull, setMaxEHull] = useState("0.05");
  const [apiKey, setApiKey] = useState("");

  return (
    <ImportCard
      id="mp"
      title="Import from Materials Project"
      pending={start.isPending}
      start={() =>
        start.mutateAsync({
          elements: elements.split(/[\s,]+/).filter(Boolean),
          nsitesMax: optionalNumber(maxSites),
          energyAboveHullMax: optionalNumber(maxEHull),
          apiKey: apiKey.trim() || undefined,
        })
      }
    >
      <div className={styles.field}>
        <label htmlFor="mp-elements">Elements (all must be present)</label>
        <input id="mp-elements" value={elements} onChange={(e) => setElements(e.target.value)} required />
      </div>
      <div className={styles.field}>
        <label htmlFor="mp-max-sites">Max sites</label>
        <input id="mp-max-sites" type="number" min={1} value={maxSites} onChange={(e) => setMaxSites(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor="mp-max-ehull">Max energy above hull (eV/atom)</label>
        <input id="mp-max-ehull" type="number" min={0} step="any" value={maxEHull} onChange={(e) => setMaxEHull(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor="mp-key">API key</label>
        <input id="mp-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
        <p className={styles.hint}>
          {config.data?.mpKeyOnServer
            ? "Optional: the server has MP_API_KEY, and the import runs as a worker job."
            : "The server has no MP_API_KEY: enter your key. It is used for this import only and never stored."}
        </p>
      </div>
    </ImportCard>
  );
}
