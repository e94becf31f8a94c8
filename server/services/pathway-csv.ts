/**
 * The pathways table as a CSV download: the same filters as the list page, rows with their
 * structure, measures and barriers, read in id order in keyset batches and streamed as read.
 */
import { and, asc, gt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { pathways } from "../../db/schema/pathways";
import { csvStream, keysetBatches, type CsvColumn } from "./csv";
import { pathwayWhere, type PathwayFilters } from "./pathway-filters";
import { fromPathways } from "./pathway-queries";
import { PATHWAY_RESULT_COLUMNS } from "./pathway-result-columns";

/** Rows per database round trip: large enough to amortise it, small enough to keep memory flat. */
const BATCH_SIZE = 2000;

function selectBatch(db: Database, where: SQL | undefined, after: number | null, limit: number) {
  return fromPathways(db, after ?? undefined)
    .where(after === null ? where : and(where, gt(pathways.id, after)))
    .orderBy(asc(pathways.id))
    .limit(limit);
}

type CsvRow = Awaited<ReturnType<typeof selectBatch>>[number];

/**
 * A Cartesian point as three numeric columns: joined into one text cell, a negative first
 * coordinate would be escaped as a would-be formula and read back as text.
 */
const vecColumns = (name: string, of: (r: CsvRow) => readonly number[]): CsvColumn<CsvRow>[] =>
  ["x", "y", "z"].map((axis, i) => ({ header: `${name}_${axis}`, value: (r: CsvRow) => of(r)[i] }));

/** Headers are the database's column names, the names the original workflow's files used. */
const columns: CsvColumn<CsvRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "structure_id", value: (r) => r.structureId },
  { header: "formula", value: (r) => r.formula },
  { header: "reduced_formula", value: (r) => r.reducedFormula },
  { header: "spacegroup_symbol", value: (r) => r.spacegroupSymbol },
  { header: "spacegroup_number", value: (r) => r.spacegroupNumber },
  { header: "index", value: (r) => r.index },
  { header: "ion", value: (r) => r.ion },
  { header: "length", value: (r) => r.length },
  ...vecColumns("start_cart", (r) => r.startCart),
  ...vecColumns("end_cart", (r) => r.endCart),
  { header: "start_wyckoff", value: (r) => r.startWyckoff },
  { header: "end_wyckoff", value: (r) => r.endWyckoff },
  { header: "multiplicity", value: (r) => r.multiplicity },
  { header: "hops_per_ion", value: (r) => r.hopsPerIon },
  { header: "ion_fraction", value: (r) => r.ionFraction },
  { header: "clearance", value: (r) => r.clearance },
  { header: "nsites_777", value: (r) => r.nsites777 },
  { header: "nsites_101010", value: (r) => r.nsites101010 },
  { header: "nsites_121212", value: (r) => r.nsites121212 },
  { header: "max_length", value: (r) => r.maxLength },
  { header: "images_error", value: (r) => r.imagesError },
  ...Object.entries(PATHWAY_RESULT_COLUMNS).map(([key, column]) => ({
    header: column.name,
    value: (r: CsvRow) => r[key as keyof typeof PATHWAY_RESULT_COLUMNS],
  })),
  { header: "relaxed_converged", value: (r) => r.relaxedConverged },
  { header: "measures_skipped", value: (r) => r.measuresSkipped },
];

export function pathwaysCsvStream(db: Database, filters: PathwayFilters): ReadableStream<Uint8Array> {
  const where = pathwayWhere(filters);
  const batches = keysetBatches<CsvRow>(
    (after, limit) => selectBatch(db, where, after, limit),
    (r) => r.id,
    BATCH_SIZE,
  );
  return csvStream(columns, batches);
}
