import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "../../server/api/root";
import { NoRows } from "../data-table/no-rows";
import { formatValue, type PathwayColumn } from "./pathway-columns";

export type PathwayListRow = inferRouterOutputs<AppRouter>["pathways"]["list"]["rows"][number];

/** One row per pathway: its structure (linked), then the shown numeric columns; the rank links to the pathway. */
export function PathwayRows({ rows, columns }: { rows: PathwayListRow[]; columns: PathwayColumn[] }) {
  if (rows.length === 0) return <NoRows columns={columns.length + 2} message="No pathways match these filters." />;
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <Link href={`/structures/${r.structureId}`}>{r.formula}</Link>
          </td>
          <td>{r.spacegroupSymbol}</td>
          {columns.map((c) =>
            c.key === "index" ? (
              <td key={c.key} className="num">
                <Link href={`/pathways/${r.id}`} aria-label={`Pathway ${r.index} of ${r.formula}`}>
                  {r.index}
                </Link>
              </td>
            ) : (
              <td key={c.key} className="num" data-column={c.key}>
                {formatValue(r[c.key], c.digits)}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
