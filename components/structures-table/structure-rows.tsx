import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../server/api/root";
import { NoRows } from "../data-table/no-rows";

export type StructureListRow = inferRouterOutputs<AppRouter>["structures"]["list"]["rows"][number];

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function StructureRows({ rows }: { rows: StructureListRow[] }) {
  if (rows.length === 0) return <NoRows columns={8} message="No structures match these filters." />;
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <Link href={`/structures/${r.id}`}>{r.formula}</Link>
          </td>
          <td>{r.elements.join(" ")}</td>
          <td className="num">{r.nsites}</td>
          <td className="num">{r.density.toFixed(3)}</td>
          <td className="num">{r.volume.toFixed(2)}</td>
          <td>
            {r.spacegroupSymbol} <span className="muted">({r.spacegroupNumber})</span>
          </td>
          <td>{r.source}</td>
          <td>{dateFormat.format(r.createdAt)} UTC</td>
        </tr>
      ))}
    </tbody>
  );
}
