"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

export interface BarrierPoint {
  id: number;
  length: number;
  barrier: number | null;
  formula: string;
}

/** Barrier against hop length, one point per pathway; clicking a point opens that pathway. */
export function BarrierScatter({ points, label }: { points: BarrierPoint[]; label: string }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ScatterChart margin={{ top: 8, right: 12, bottom: 18, left: 0 }}>
        <CartesianGrid stroke="#e5e9ee" />
        <XAxis type="number" dataKey="length" name="Length (Å)" domain={["auto", "auto"]} label={{ value: "Hop length (Å)", position: "insideBottom", offset: -10 }} />
        <YAxis type="number" dataKey="barrier" name={`${label} (eV)`} width={56} label={{ value: `${label} (eV)`, angle: -90, position: "insideLeft" }} />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          formatter={(v, name) => [Number(v).toFixed(3), name]}
          labelFormatter={(_, payload) => (payload?.[0]?.payload as BarrierPoint | undefined)?.formula ?? ""}
        />
        <Scatter
          data={points}
          fill="#b3261e"
          isAnimationActive={false}
          style={{ cursor: "pointer" }}
          onClick={(entry) => {
            const id = (entry as unknown as { payload?: BarrierPoint }).payload?.id;
            if (id !== undefined) router.push(`/pathways/${id}`);
          }}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
