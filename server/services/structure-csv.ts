/**
 * The structures table as a CSV download: the same filters as the list page, rows read in
 * id order in keyset batches, streamed as they are read.
 */
import { and, asc, gt, type SQL } from "drizzle-orm";
import { structures } from "../../db/schema/structures";
import { csvStream, keysetBatches, type CsvColumn } from "./csv";
import { structureWhere, type StructureFilters } from "./structure-filters";
import type { Database } from "../../db/client";

/** Rows per database round trip: large enough to amortise it, small enough to keep memory flat. */
const BATCH_SIZE = 5000;

const csvSelection = {
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

function selectBatch(db: Database, where: SQL | undefined, after: number | null, limit: number) {
  return db
    .select(csvSelection)
    .from(structures)
    .where(after === null ? where : and(where, gt(structures.id, after)))
    .orderBy(asc(structures.id))
    .limit(limit);
}

type CsvRow = Awaited<ReturnType<typeof selectBatch>>[number];

/** Headers use the database's column names, the names the original workflow's files used. */
const columns: CsvColumn<CsvRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "source", value: (r) => r.source },
  { header: "source_id", value: (r) => r.sourceId },
  { header: "formula", value: (r) => r.formula },
  { header: "reduced_formula", value: (r) => r.reducedFormula },
  { header: "chemsys", value: (r) => r.chemsys },
  { header: "elements", value: (r) => r.elements },
  { header: "nsites", value: (r) => r.nsites },
  { header: "nelements", value: (r) => r.nelements },
  { header: "density_g_cm3", value: (r) => r.density },
  { header: "volume_a3", value: (r) => r.volume },
  { header: "spacegroup_number", value: (r) => r.spacegroupNumber },
  { header: "spacegroup_symbol", value: (r) => r.spacegroupSymbol },
  { header: "final_energy", value: (r) => r.finalEnergy },
  { header: "e_above_hull", value: (r) => r.energyAboveHull },
  { header: "formation_energy_per_atom", value: (r) => r.formationEnergyPerAtom },
  { header: "created_at", value: (r) => r.createdAt },
];

export function structuresCsvStream(db: Database, filters: StructureFilters): ReadableStream<Uint8Array> {
  const where = structureWhere(filters);
  const batches = keysetBatches<CsvRow>(
    (after, limit) => selectBatch(db, where, after, limit),
    (r) => r.id,
    BATCH_SIZE,
  );
  return csvStream(columns, batches);
}
