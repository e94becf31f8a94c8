"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "../trpc/trpc-provider";
import { FilterForm } from "./filter-form";
import { PageLinks } from "../data-table/page-links";
import { SortLinkHeader } from "../data-table/sort-link-header";
import { StructureRows } from "./structure-rows";
import styles from "./structures-table.module.css";
import { paramsRecord, withParams } from "./table-url";

/** The structures list: filters, sortable columns and pages, all held in the URL. */
export function StructuresTable() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = new URLSearchParams(searchParams.toString());
  const query = useQuery(
    trpc.structures.list.queryOptions(paramsRecord(params), {
      // Keep showing the last page while the next one loads, instead of flashing empty.
      placeholderData: keepPreviousData,
      retry: false,
    }),
  );
  const navigate = (search: string) => router.push(pathname + search, { scroll: false });

  const data = query.data;
  const sort = data?.query.sort ?? "created";
  const dir = data?.query.dir ?? "desc";
  const headerProps = { basePath: "/structures", activeKey: sort, dir, params };
  const csvHref = "/structures/csv" + withParams(params, { sort: null, dir: null, page: null, pageSize: null });

  return (
    <>
      <FilterForm key={params.toString()} params={params} onNavigate={navigate} error={query.error?.message} />
      <div className={styles.summary}>
        <p role="status" aria-live="polite" style={{ margin: 0 }}>
          {data ? (
            <>
              <strong data-testid="total-count">{data.total.toLocaleString("en-US")}</strong>{" "}
              {data.total === 1 ? "structure" : "structures"}
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
        <table className="data" aria-busy={query.isFetching}>
          <thead>
            <tr>
              <SortLinkHeader label="Formula" sortKey="formula" {...headerProps} />
              <th scope="col">Elements</th>
              <SortLinkHeader label="Sites" sortKey="nsites" numeric {...headerProps} />
              <SortLinkHeader label="Density (g/cm³)" sortKey="density" numeric {...headerProps} />
              <SortLinkHeader label="Volume (Å³)" sortKey="volume" numeric {...headerProps} />
              <SortLinkHeader label="Space group" sortKey="spacegroup" {...headerProps} />
              <th scope="col">Source</th>
              <SortLinkHeader label="Created" sortKey="created" {...headerProps} />
            </tr>
          </thead>
          {data ? <StructureRows rows={data.rows} /> : null}
        </table>
      </div>
      {data ? (
        <PageLinks
          basePath="/structures"
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
