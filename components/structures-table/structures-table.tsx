"use client";

import { useQuery } from "@tanstack/react-query";
import { SortLinkHeader } from "../data-table/sort-link-header";
import { paramsRecord } from "../data-table/table-url";
import { LIST_QUERY_OPTIONS, UrlTable, useUrlParams } from "../data-table/url-table";
import { useTRPC } from "../trpc/trpc-provider";
import { FilterForm } from "./filter-form";
import { StructureRows } from "./structure-rows";

/** The structures list: filters, sortable columns and pages, all held in the URL. */
export function StructuresTable() {
  const trpc = useTRPC();
  const { params, navigate } = useUrlParams();
  const query = useQuery(trpc.structures.list.queryOptions(paramsRecord(params), LIST_QUERY_OPTIONS));
  return (
    <UrlTable
      basePath="/structures"
      noun={["structure", "structures"]}
      query={query}
      params={params}
      navigate={navigate}
      defaultSort={{ sort: "created", dir: "desc" }}
      ariaLabel="Structures"
      FilterForm={FilterForm}
      headers={(headerProps) => (
        <>
          <SortLinkHeader label="Formula" sortKey="formula" {...headerProps} />
          <th scope="col">Elements</th>
          <SortLinkHeader label="Sites" sortKey="nsites" numeric {...headerProps} />
          <SortLinkHeader label="Density (g/cm³)" sortKey="density" numeric {...headerProps} />
          <SortLinkHeader label="Volume (Å³)" sortKey="volume" numeric {...headerProps} />
          <SortLinkHeader label="Space group" sortKey="spacegroup" {...headerProps} />
          <th scope="col">Source</th>
          <SortLinkHeader label="Created" sortKey="created" {...headerProps} />
        </>
      )}
      body={(rows) => <StructureRows rows={rows} />}
    />
  );
}
