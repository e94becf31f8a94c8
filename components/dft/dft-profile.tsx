"use client";

/**
 * A pathway's DFT energy profile beside its BVSE ones, each relative to its own first image and
 * placed at i/(M−1) of the reaction coordinate (the NEB spring keeps images about evenly spaced).
 */
import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "../trpc/trpc-provider";
import { DftUpload } from "./dft-upload";

const relative = (energies: number[]) => energies.map((e, k) => ({ x: energies.length > 1 ? k / (energies.length - 1) : 0, e: e - energies[0] }));

export function DftProfile({ pathwayId }: { pathwayId: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.dft.ofPathway.queryOptions({ pathwayId }));
  const dft = q.data?.dft;
  const bvse = q.data?.bvse;
  return (
    <section className="panel" aria-labelledby="dft-title" data-testid="dft-profile">
      <h2 id="dft-title">DFT</h2>
      {q.isError && <p>Could not read the DFT result: {q.error.message}</p>}
      {q.data && !dft && <p className="muted">No DFT result for this pathway yet: export its VASP inputs, run them, and upload the results below.</p>}
      {dft && (
        <>
          <p>
            DFT barrier <strong>{dft.barrier.toFixed(3)} eV</strong> (reverse {dft.reverseBarrier.toFixed(3)} eV)
            {bvse ? `, BVSE ${bvse.relaxedBarrier.toFixed(3)} eV` : ""}; {dft.converged ? "converged" : "not converged"}, largest force{" "}
            {dft.forcesMax.toFixed(3)} eV/Å; from {dft.source === "upload" ? "uploaded files" : "the dft stage"}.
          </p>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart margin={{ top: 10, right: 16, bottom: 18, left: 4 }}>
              <CartesianGrid stroke="#e5e9ee" />
              <XAxis type="number" dataKey="x" domain={[0, 1]} label={{ value: "Reaction coordinate", position: "insideBottom", offset: -10 }} />
              <YAxis type="number" dataKey="e" tickFormatter={(e: number) => e.toFixed(2)} width={56} label={{ value: "ΔE (eV)", angle: -90, position: "insideLeft" }} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(3)} eV`} />
              <Legend verticalAlign="top" height={24} />
              <Line data={relative(dft.imageEnergies)} dataKey="e" name="DFT" stroke="#2e7d32" strokeWidth={2} isAnimationActive={false} />
              {bvse && <Line data={relative(bvse.relaxedEnergies)} dataKey="e" name="BVSE (NEB)" stroke="#b3261e" strokeWidth={2} isAnimationActive={false} />}
              {bvse && <Line data={relative(bvse.idppEnergies)} dataKey="e" name="BVSE (IDPP)" stroke="#1f6fb2" strokeDasharray="4 3" isAnimationActive={false} />}
            </LineChart>
          </ResponsiveContainer>
        </>
      )}
      <p>
        <a href={`/pathways/${pathwayId}/vasp`}>Download VASP inputs (NEB + single points)</a>
      </p>
      <DftUpload pathwayId={pathwayId} />
    </section>
  );
}
