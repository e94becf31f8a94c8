"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./queues.module.css";

const REFRESH_MS = 15_000;

const timeOf = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** Finished runs per bucket: 5-minute buckets over the last hour, or hours over the last day. */
export function ThroughputChart({ stage }: { stage: string }) {
  const trpc = useTRPC();
  const [window, setWindow] = useState<"hour" | "day">("hour");
  const query = useQuery(trpc.stages.throughput.queryOptions({ stage, window }, { refetchInterval: REFRESH_MS }));
  const data = (query.data ?? []).map((b) => ({ time: timeOf(b.start), done: b.done, failed: b.failed, skipped: b.skipped }));
  const total = data.reduce((n, b) => n + b.done + b.failed + b.skipped, 0);
  return (
    <div>
      <div className={styles.chartHeader}>
        <h3>
          Finished in the last {window}: <span data-testid={`${stage}-throughput-total`}>{query.data ? total : "…"}</span>
        </h3>
        <label className="muted">
          Window{" "}
          <select value={window} onChange={(e) => setWindow(e.target.value as "hour" | "day")} aria-label={`${stage} throughput window`}>
            <option value="hour">last hour</option>
            <option value="day">last day</option>
          </select>
        </label>
      </div>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="done" stackId="runs" fill="#1e7a46" isAnimationActive={false} />
          <Bar dataKey="skipped" stackId="runs" fill="#8fa3b8" isAnimationActive={false} />
          <Bar dataKey="failed" stackId="runs" fill="#b3261e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
