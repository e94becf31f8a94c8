"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "../trpc/trpc-provider";
import { BarrierHistogram } from "./barrier-histogram";
import { BarrierScatter } from "./barrier-scatter";
import { LowestBarriers } from "./lowest-barriers";
import styles from "./overview.module.css";

/** The barrier columns a reader may chart (the server's whitelist, server/services/pathway-barrier-stats.ts). */
const METRICS = {
  relaxedBarrier: "Relaxed barrier",
  idppBarrier: "IDPP barrier",
  energyBarrier: "Energy barrier",
} as const;
type Metric = keyof typeof METRICS;

/** Slower than the counts: the charts change only as barriers are added. */
const REFRESH_MS = 15_000;

/** Histogram, barrier against length, and the ten lowest barriers, for one barrier column. */
export function BarrierOverview() {
  const trpc = useTRPC();
  const [metric, setMetric] = useState<Metric>("relaxedBarrier");
  const stats = useQuery(trpc.overview.barrierStats.queryOptions({ metric }, { refetchInterval: REFRESH_MS }));
  const label = METRICS[metric];
  const data = stats.data;
  return (
    <section aria-labelledby="barriers-heading">
      <div className={styles.headingRow}>
        <h2 id="barriers-heading">Barriers</h2>
        <label className="muted">
          Show{" "}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {Object.entries(METRICS).map(([key, text]) => (
              <option key={key} value={key}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </div>
      {stats.isError ? <p className="error">Could not load barriers: {stats.error.message}</p> : null}
      {data && data.total === 0 ? <p className="muted">No barriers computed yet.</p> : null}
      {data && data.total > 0 ? (
        <>
          <div className={styles.charts}>
            <figure className="panel" data-testid="barrier-histogram">
              <figcaption>
                {label}s of {data.total.toLocaleString("en-US")} pathways
              </figcaption>
              <BarrierHistogram bins={data.histogram} label={label} />
            </figure>
            <figure className="panel" data-testid="barrier-scatter">
              <figcaption>
                {label} against hop length{data.pointsTruncated ? ` (first ${data.points.length.toLocaleString("en-US")} pathways)` : ""}; click a point to open it
              </figcaption>
              <BarrierScatter points={data.points} label={label} />
            </figure>
          </div>
          <h3>Lowest {label.toLowerCase()}s</h3>
          <LowestBarriers rows={data.lowest} label={label} />
          <p>
            <Link href={`/pathways?sort=${metric}&dir=asc`}>All pathways by {label.toLowerCase()}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
