/**
 * The per-pathway results of later stages (measures, barriers) as the pathways table shows them:
 * the numeric columns filters and sorting may use and the columns a list row carries. One place,
 * so the list, its count, the CSV and the overview read the same columns.
 */
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { barriers } from "../../db/schema/barriers";
import { measures } from "../../db/schema/measures";

/** Numeric result columns by URL / TypeScript name (filterable and sortable). */
export const PATHWAY_RESULT_COLUMNS = {
  oxidationState: measures.oxidationState,
  dimensionality: measures.dimensionality,
  dimensionalityCumlengths: measures.dimensionalityCumlengths,
  ewaldEnergy: measures.ewaldEnergy,
  ionicRadiiOverlapCations: measures.ionicRadiiOverlapCations,
  ionicRadiiOverlapAnions: measures.ionicRadiiOverlapAnions,
  idppBarrier: barriers.idppBarrier,
  relaxedBarrier: barriers.relaxedBarrier,
  relaxedReverseBarrier: barriers.relaxedReverseBarrier,
  energyStart: barriers.energyStart,
  energyMidpoint: barriers.energyMidpoint,
  energyEnd: barriers.energyEnd,
  energyBarrier: barriers.energyBarrier,
} as const satisfies Record<string, AnyPgColumn>;

/**
 * The result columns a list row carries. The ids say whether a result exists at all (the other
 * columns can be null within an existing result, e.g. measures without oxidation states).
 */
export const PATHWAY_RESULT_SELECTION = {
  measuresId: measures.id,
  measuresSkipped: measures.skipped,
  barriersId: barriers.id,
  relaxedConverged: barriers.relaxedConverged,
  ...PATHWAY_RESULT_COLUMNS,
};
