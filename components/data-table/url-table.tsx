"use client";

import { keepPreviousData, type UseQueryResult } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ComponentType, ReactNode } from "react";
import styles from "./data-table.module.css";
import { PageLinks } from "./page-links";
import type { TableFilterProps } from "./url-filter-form";
import type { SortLinkHeader } from "./sort-link-header";
import { withParams } from "./table-url";

/** One page of a list procedure's answer, with the query the server settled on. */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
  pageCount: number;
  query: { sort: string; dir: "asc" | "desc"; page: number; pageSize: number };
}

type HeaderProps = Pick<Parameters<typeof SortLinkHeader>[0], "basePath" | "activeKey" | "dir" | "params">;

/** Keep showing the last page while the next one loads, instead of flashing empty; a refusal is final. */
export const LIST_QUERY_OPTIONS = { placeholderData: keepPreviousData, retry: false } as const;

/** The table's query string and a way to replace it (without scrolling to the top). */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  const navigate = (search: string) => router.push(pathname + search, { scroll: false });
  return { params, navigate };
}

/**
 * A list page whose state is all in the URL: the filter form, the count with a CSV download of
 * everything the filters select, the sortable table and the page links. The caller gives the query
 * (kept on its previous page while the next loads) and renders the headers and rows.
 */
export function UrlTable<Row>(props: {
  basePath: string;
  /** Singular and plural noun of the count. */
  noun: [string, string];
  query: UseQueryResult<ListPage<Row>, { message: string }>;
  params: URLSearchParams;
  navigate: (search: string) => void;
  defaultSort: { sort: string; dir: "asc" | "desc" };
  ariaLabel: string;
  FilterForm: ComponentType<TableFilterProps>;
  headers: (headerProps: HeaderProps) => ReactNode;
  body: (rows: Row[]) => ReactNode;
}) {
  const { query, params } = props;
  const data = query.data;
  const headerProps: HeaderProps = {
    basePath: props.basePath,
    activeKey: data?.query.sort ?? props.defaultSort.sort,
    dir: data?.query.dir ?? props.defaultSort.dir,
    params,
  };
  const csvHref = `${props.basePath}/csv` + withParams(params, { sort: null, dir: null, page: null, pageSize: null });

  return (
    <>
      {/* Keyed by the URL, so its uncontrolled inputs reseed when the URL changes. */}
      <props.FilterForm key={params.toString()} params={params} onNavigate={props.navigate} error={query.error?.message} />
      <div className={styles.summary}>
        <p role="status" aria-live="polite" style={{ margin: 0 }}>
          {data ? (
            <>
              <strong data-testid="total-count">{data.total.toLocaleString("en-US")}</strong>{" "}
              {data.total === 1 ? props.noun[0] : props.noun[1]}
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
        <table className="data" aria-busy={query.isFetching} aria-label={props.ariaLabel}>
          <thead>
            <tr>{props.headers(headerProps)}</tr>
          </thead>
          {data ? props.body(data.rows) : null}
        </table>
      </div>
      {data ? (
        <PageLinks
          basePath={props.basePath}
          page={data.query.page}
          pageCount={data.pageCount}
          pageSize={data.query.pageSize}
          params={params}
          onPageSize={(size) => props.navigate(withParams(params, { pageSize: size, page: null }))}
        />
      ) : null}
    </>
  );
}
