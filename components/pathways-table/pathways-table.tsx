"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { paramsRecord, withParams } from "../structures-table/table-url";
import { useTRPC } from "../trpc/trpc-provider";
import { PageLinks } from "../data-table/page-links";
import { columnLabel, PATHWAY_COLUMNS } from "./pathway-columns";
import { PathwayFilterForm } from "./pathway-filter-form";
import { PathwayRows } from "./pathway-rows";
import styles from "../structures-table/structures-table.module.css";
import { SortLinkHeader } from "../data-table/sort-link-header";

const BASE_PATH = "/pathways";
/** Barriers right after the hop's length: they are what the table is usually read for. */
const SHOWN = [
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && (c.key === "index" || c.key === "length")),
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && c.group === "barriers"),
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && c.group !== "barriers" && c.key !== "index" && c.key !== "length"),
];

/** The pathways list: filters, sortable columns and pages, all held in the URL. */
export function PathwaysTable() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = new URLSearchParams(searchParams.toString());
  const query = useQuery(
    trpc.pathways.list.queryOptions(paramsRecord(params), {
      // Keep showing the last page while the next one loads, instead of flashing empty.
      placeholderData: keepPreviousData,
      retry: false,
    }),
  );
  const navigate = (search: string) => router.push(pathname + search, { scroll: false });

  const data = query.data;
  const headerProps = { basePath: BASE_PATH, activeKey: data?.query.sort ?? "structure", dir: data?.query.dir ?? "asc", params };
  const csvHref = "/pathways/csv" + withParams(params, { sort: null, dir: null, page: null, pageSize: null });

  return (
    <>
      <PathwayFilterForm key={params.toString()} params={params} onNavigate={navigate} error={query.error?.message} />
      <div className={styles.summary}>
        <p role="status" aria-live="polite" style={{ margin: 0 }}>
          {data ? (
            <>
              <strong data-testid="total-count">{data.total.toLocaleString("en-US")}</strong>{" "}
              {data.total === 1 ? "pathway" : "pathways"}
            </>
          ) : query.isError ? (
            "—"
          ) : (
            "Loading…"
          )}
        </p>
        <a href={csvHref} className="button secondary" download>
          Download CSV
        </a>
      </div>
      <div className={`${styles.tableWrap} ${query.isPlaceholderData ? styles.stale : ""}`}>
        <table className="data" aria-busy={query.isFetching} aria-label="Pathways">
          <thead>
            <tr>
              <SortLinkHeader label="Structure" sortKey="formula" {...headerProps} />
              <SortLinkHeader label="Space group" sortKey="spacegroup" {...headerProps} />
              {SHOWN.map((c) => (
                <SortLinkHeader key={c.key} label={columnLabel(c)} sortKey={c.key} numeric title={c.title} {...headerProps} />
              ))}
            </tr>
          </thead>
          {data ? <PathwayRows rows={data.rows} columns={SHOWN} /> : null}
        </table>
      </div>
      {data ? (
        <PageLinks
          basePath={BASE_PATH}
          page={data.query.page}
          pageCount={data.pageCount}
          pageSize={data.query.pageSize}
          params={params}
          onPageSize={(size) => navigate(withParams(params, { pageSize: size, page: null }))}
        />
      ) : null}
    </>
  );
}
