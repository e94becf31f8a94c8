"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

const edge = (x: number) => x.toFixed(2);

/** Pathways per barrier bin; the bins come counted from the server. */
export function BarrierHistogram({ bins, label }: { bins: HistogramBin[]; label: string }) {
  const data = bins.map((b) => ({ ...b, mid: (b.from + b.to) / 2, name: `${edge(b.from)}–${edge(b.to)} eV` }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 18, left: 0 }}>
        <CartesianGrid stroke="#e5e9ee" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} interval="preserveStartEnd" label={{ value: `${label} (eV)`, position: "insideBottom", offset: -10 }} />
        <YAxis allowDecimals={false} width={40} label={{ value: "Pathways", angle: -90, position: "insideLeft" }} />
        <Tooltip formatter={(v) => [v, "pathways"]} />
        <Bar dataKey="count" fill="#1f6fb2" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
