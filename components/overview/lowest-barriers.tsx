import Link from "next/link";

export interface LowBarrierRow {
  id: number;
  index: number;
  length: number;
  barrier: number | null;
  structureId: number;
  formula: string;
  spacegroupSymbol: string;
}

/** The ten pathways with the lowest barrier, linked to their pages and structures. */
export function LowestBarriers({ rows, label }: { rows: LowBarrierRow[]; label: string }) {
  return (
    <table className="data" aria-label="Lowest barriers">
      <thead>
        <tr>
          <th scope="col">Structure</th>
          <th scope="col" className="num">Pathway</th>
          <th scope="col" className="num">Length (Å)</th>
          <th scope="col" className="num">{label} (eV)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/structures/${r.structureId}`}>{r.formula}</Link> <span className="muted">{r.spacegroupSymbol}</span>
            </td>
            <td className="num">
              <Link href={`/pathways/${r.id}`}>Pathway {r.index}</Link>
            </td>
            <td className="num">{r.length.toFixed(3)}</td>
            <td className="num">{r.barrier === null ? "—" : r.barrier.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
