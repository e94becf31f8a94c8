"use client";

/** BVSE (relaxed NEB) against DFT barriers of every pathway that has both, with the y = x line. */
import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "../trpc/trpc-provider";

export function ParityPlot() {
  const trpc = useTRPC();
  const q = useQuery(trpc.dft.parity.queryOptions());
  const points = q.data ?? [];
  const top = Math.max(0.5, ...points.flatMap((p) => [p.dftBarrier, p.bvseBarrier])) * 1.05;
  return (
    <section className="panel" aria-labelledby="parity-title" data-testid="parity-plot">
      <h2 id="parity-title">BVSE vs DFT barriers</h2>
      {q.isError && <p>Could not read the DFT results: {q.error.message}</p>}
      {q.data && points.length === 0 && <p className="muted">No pathway has a DFT barrier yet (upload results on a pathway&apos;s page, or turn on the dft stage).</p>}
      <p>
        <a href="/exports/vasp?top=10">Download the VASP inputs of the 10 pathways with the lowest BVSE barrier</a>
      </p>
      {points.length > 0 && (
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e5e9ee" />
            <XAxis type="number" dataKey="dftBarrier" name="DFT" domain={[0, top]} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: "DFT barrier (eV)", position: "insideBottom", offset: -12 }} />
            <YAxis type="number" dataKey="bvseBarrier" name="BVSE" domain={[0, top]} tickFormatter={(v: number) => v.toFixed(2)} width={56} label={{ value: "BVSE barrier (eV)", angle: -90, position: "insideLeft" }} />
            <ReferenceLine segment={[{ x: 0, y: 0 }, { x: top, y: top }]} stroke="#888" strokeDasharray="4 3" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(3)} eV`} />
            <Scatter data={points} fill="#2e7d32" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}
