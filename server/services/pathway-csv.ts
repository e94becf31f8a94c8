/**
 * The pathways table as a CSV download: the same filters as the list page, rows with their
 * structure, measures and barriers, in id order, read through a cursor as PostgreSQL's text and
 * written as CSV (csv-sql.ts), streamed as read.
 */
import type { Database } from "../../db/client";
import { sqlCsvStream, type SqlCsvColumn } from "./csv-sql";
import { pathwayWhere, type PathwayFilters } from "./pathway-filters";
import { fromPathways, pathwayListSelection } from "./pathway-queries";
import { PATHWAY_RESULT_COLUMNS } from "./pathway-result-columns";

/** Rows per fetch from the cursor: large enough to amortise the round trip, small enough to keep memory flat. */
const BATCH_SIZE = 2000;

type Key = keyof typeof pathwayListSelection;

/**
 * A Cartesian point as three numeric columns: joined into one text cell, a negative first
 * coordinate would be escaped as a would-be formula and read back as text.
 */
const vecColumns = (name: string, key: Key): SqlCsvColumn<Key>[] =>
  ["x", "y", "z"].map((axis, i) => ({ header: `${name}_${axis}`, key, element: i + 1 }));

/** Headers are the database's column names, the names the original workflow's files used. */
export const PATHWAY_CSV_COLUMNS: SqlCsvColumn<Key>[] = [
  { header: "id", key: "id" },
  { header: "structure_id", key: "structureId" },
  { header: "formula", key: "formula" },
  { header: "reduced_formula", key: "reducedFormula" },
  { header: "spacegroup_symbol", key: "spacegroupSymbol" },
  { header: "spacegroup_number", key: "spacegroupNumber" },
  { header: "index", key: "index" },
  { header: "ion", key: "ion" },
  { header: "length", key: "length" },
  ...vecColumns("start_cart", "startCart"),
  ...vecColumns("end_cart", "endCart"),
  { header: "start_wyckoff", key: "startWyckoff" },
  { header: "end_wyckoff", key: "endWyckoff" },
  { header: "multiplicity", key: "multiplicity" },
  { header: "hops_per_ion", key: "hopsPerIon" },
  { header: "ion_fraction", key: "ionFraction" },
  { header: "clearance", key: "clearance" },
  { header: "nsites_777", key: "nsites777" },
  { header: "nsites_101010", key: "nsites101010" },
  { header: "nsites_121212", key: "nsites121212" },
  { header: "max_length", key: "maxLength" },
  { header: "images_error", key: "imagesError" },
  ...Object.entries(PATHWAY_RESULT_COLUMNS).map(([key, column]) => ({ header: column.name, key: key as Key })),
  { header: "relaxed_converged", key: "relaxedConverged" },
  { header: "measures_skipped", key: "measuresSkipped" },
];

export function pathwaysCsvStream(db: Database, filters: PathwayFilters): ReadableStream<Uint8Array> {
  return sqlCsvStream(db, {
    selection: pathwayListSelection,
    columns: PATHWAY_CSV_COLUMNS,
    query: fromPathways(db).where(pathwayWhere(filters)),
    orderBy: "id",
    batchSize: BATCH_SIZE,
  });
}
