"use client";

import { useQuery } from "@tanstack/react-query";
import { SortLinkHeader } from "../data-table/sort-link-header";
import { paramsRecord } from "../data-table/table-url";
import { LIST_QUERY_OPTIONS, UrlTable, useUrlParams } from "../data-table/url-table";
import { useTRPC } from "../trpc/trpc-provider";
import { columnLabel, PATHWAY_COLUMNS } from "./pathway-columns";
import { PathwayFilterForm } from "./pathway-filter-form";
import { PathwayRows } from "./pathway-rows";

const isRankOrLength = (key: string) => key === "index" || key === "length";
/** Barriers right after the hop's length: they are what the table is usually read for. */
const SHOWN = [
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && isRankOrLength(c.key)),
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && c.group === "barriers"),
  ...PATHWAY_COLUMNS.filter((c) => c.inTable && c.group !== "barriers" && !isRankOrLength(c.key)),
];

/** The pathways list: filters, sortable columns and pages, all held in the URL. */
export function PathwaysTable() {
  const trpc = useTRPC();
  const { params, navigate } = useUrlParams();
  const query = useQuery(trpc.pathways.list.queryOptions(paramsRecord(params), LIST_QUERY_OPTIONS));
  return (
    <UrlTable
      basePath="/pathways"
      noun={["pathway", "pathways"]}
      query={query}
      params={params}
      navigate={navigate}
      defaultSort={{ sort: "structure", dir: "asc" }}
      ariaLabel="Pathways"
      FilterForm={PathwayFilterForm}
      headers={(headerProps) => (
        <>
          <SortLinkHeader label="Structure" sortKey="formula" {...headerProps} />
          <SortLinkHeader label="Space group" sortKey="spacegroup" {...headerProps} />
          {SHOWN.map((c) => (
            <SortLinkHeader key={c.key} label={columnLabel(c)} sortKey={c.key} numeric title={c.title} {...headerProps} />
          ))}
        </>
      )}
      body={(rows) => <PathwayRows rows={rows} columns={SHOWN} />}
    />
  );
}
