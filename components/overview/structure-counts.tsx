"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./overview.module.css";

/** How often the counts refresh: imports and workers add rows while the page is open. */
const REFRESH_MS = 5000;

export function StructureCounts() {
  const trpc = useTRPC();
  const counts = useQuery(trpc.structures.counts.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  if (counts.isError) return <p className="error">Could not load counts: {counts.error.message}</p>;
  const data = counts.data;
  return (
    <section className={styles.cards} aria-label="Structure counts" aria-busy={counts.isPending}>
      <Link href="/structures" className={`panel ${styles.card}`}>
        <span className={styles.value} data-testid="overview-total">
          {data ? data.total.toLocaleString("en-US") : "…"}
        </span>
        <span className={styles.label}>structures</span>
      </Link>
      {data?.bySource.map((s) => (
        <div key={s.source} className={`panel ${styles.card}`}>
          <span className={styles.value}>{s.count.toLocaleString("en-US")}</span>
          <span className={styles.label}>from {s.source}</span>
        </div>
      ))}
    </section>
  );
}
