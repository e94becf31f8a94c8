/**
 * The structures table as a CSV download: the same filters as the list page, rows in id order,
 * read through a cursor as PostgreSQL's text and written as CSV (csv-sql.ts), streamed as read.
 */
import { structures } from "../../db/schema/structures";
import { sqlCsvStream, type SqlCsvColumn } from "./csv-sql";
import { structureWhere, type StructureFilters } from "./structure-filters";
import type { Database } from "../../db/client";

/** Rows per fetch from the cursor: large enough to amortise the round trip, small enough to keep memory flat. */
const BATCH_SIZE = 5000;

export const STRUCTURE_CSV_SELECTION = {
  id: structures.id,
  source: structures.source,
  sourceId: structures.sourceId,
  formula: structures.formula,
  reducedFormula: structures.reducedFormula,
  chemsys: structures.chemsys,
  elements: structures.elements,
  nsites: structures.nsites,
  nelements: structures.nelements,
  density: structures.density,
  volume: structures.volume,
  spacegroupNumber: structures.spacegroupNumber,
  spacegroupSymbol: structures.spacegroupSymbol,
  finalEnergy: structures.finalEnergy,
  energyAboveHull: structures.energyAboveHull,
  formationEnergyPerAtom: structures.formationEnergyPerAtom,
  createdAt: structures.createdAt,
};

/** Headers use the database's column names, the names the original workflow's files used. */
export const STRUCTURE_CSV_COLUMNS: SqlCsvColumn<keyof typeof STRUCTURE_CSV_SELECTION>[] = [
  { header: "id", key: "id" },
  { header: "source", key: "source" },
  { header: "source_id", key: "sourceId" },
  { header: "formula", key: "formula" },
  { header: "reduced_formula", key: "reducedFormula" },
  { header: "chemsys", key: "chemsys" },
  { header: "elements", key: "elements" },
  { header: "nsites", key: "nsites" },
  { header: "nelements", key: "nelements" },
  { header: "density_g_cm3", key: "density" },
  { header: "volume_a3", key: "volume" },
  { header: "spacegroup_number", key: "spacegroupNumber" },
  { header: "spacegroup_symbol", key: "spacegroupSymbol" },
  { header: "final_energy", key: "finalEnergy" },
  { header: "e_above_hull", key: "energyAboveHull" },
  { header: "formation_energy_per_atom", key: "formationEnergyPerAtom" },
  { header: "created_at", key: "createdAt" },
];

export function structuresCsvStream(db: Database, filters: StructureFilters): ReadableStream<Uint8Array> {
  return sqlCsvStream(db, {
    selection: STRUCTURE_CSV_SELECTION,
    columns: STRUCTURE_CSV_COLUMNS,
    query: db.select(STRUCTURE_CSV_SELECTION).from(structures).where(structureWhere(filters)),
    orderBy: "id",
    batchSize: BATCH_SIZE,
  });
}
