"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatValue } from "../pathways-table/pathway-columns";
import { useTRPC } from "../trpc/trpc-provider";

/** The structure's pathways, shortest first, each linked to its page; pathway 0 is the one highlighted in the 3D view. */
export function StructurePathways({ structureId }: { structureId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.pathways.ofStructure.queryOptions({ structureId }));
  if (query.isError) return <p className="error">Could not load pathways: {query.error.message}</p>;
  if (!query.data) return <p className="muted">Loading pathways…</p>;
  if (query.data.length === 0) return <p className="muted">No pathways found for this structure (yet).</p>;
  return (
    <table className="data" aria-label="Pathways of this structure">
      <thead>
        <tr>
          <th scope="col" className="num">Pathway</th>
          <th scope="col" className="num">Length (Å)</th>
          <th scope="col" className="num">Multiplicity</th>
          <th scope="col" className="num">Clearance (Å)</th>
          <th scope="col" className="num">Dimensionality</th>
          <th scope="col" className="num">Relaxed barrier (eV)</th>
          <th scope="col" className="num">Energy barrier (eV)</th>
        </tr>
      </thead>
      <tbody>
        {query.data.map((p) => (
          <tr key={p.id}>
            <td className="num">
              <Link href={`/pathways/${p.id}`}>Pathway {p.index}</Link>
            </td>
            <td className="num">{p.length.toFixed(3)}</td>
            <td className="num">{p.multiplicity}</td>
            <td className="num">{p.clearance.toFixed(3)}</td>
            <td className="num">{formatValue(p.dimensionality, 0)}</td>
            <td className="num">{formatValue(p.relaxedBarrier, 3)}</td>
            <td className="num">{formatValue(p.energyBarrier, 3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
