/**
 * Barrier statistics for the overview: a histogram of one barrier column, that barrier against
 * hop length, and the lowest-barrier pathways. The column comes from a whitelist; bins are
 * counted in SQL so the histogram costs the same however many pathways there are.
 */
import { asc, count, eq, isNotNull, max, min, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { barriers } from "../../db/schema/barriers";
import { pathways } from "../../db/schema/pathways";
import { structures } from "../../db/schema/structures";

/** Which barrier the charts show: NEB-relaxed, IDPP, or the original workflow's midpoint estimate. */
export const BARRIER_METRICS = {
  relaxedBarrier: barriers.relaxedBarrier,
  idppBarrier: barriers.idppBarrier,
  energyBarrier: barriers.energyBarrier,
} as const;
export type BarrierMetric = keyof typeof BARRIER_METRICS;

export const barrierStatsInput = z.object({
  metric: z.enum(Object.keys(BARRIER_METRICS) as [BarrierMetric, ...BarrierMetric[]]).default("relaxedBarrier"),
});

/** Bins the histogram aims at; the width is rounded to 1, 2 or 5 × 10ⁿ eV so edges read cleanly. */
const TARGET_BINS = 20;
/** Scatter points sent at most (lowest pathway ids first); the page says when there are more. */
export const SCATTER_LIMIT = 5000;

export function niceBinWidth(span: number, target = TARGET_BINS): number {
  if (!(span > 0)) return 0.1;
  const raw = span / target;
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * decade >= raw) ?? 10;
  return step * decade;
}

export async function barrierStats(db: Database, metric: BarrierMetric) {
  const column = BARRIER_METRICS[metric];
  const [[range], points, lowest] = await Promise.all([
    db.select({ lo: min(column), hi: max(column), n: count() }).from(barriers),
    db
      .select({ id: pathways.id, length: pathways.length, barrier: column, formula: structures.formula })
      .from(barriers)
      .innerJoin(pathways, eq(pathways.id, barriers.pathwayId))
      .innerJoin(structures, eq(structures.id, pathways.structureId))
      .where(isNotNull(column))
      .orderBy(asc(pathways.id))
      .limit(SCATTER_LIMIT),
    db
      .select({
        id: pathways.id,
        index: pathways.index,
        length: pathways.length,
        barrier: column,
        structureId: structures.id,
        formula: structures.formula,
        spacegroupSymbol: structures.spacegroupSymbol,
      })
      .from(barriers)
      .innerJoin(pathways, eq(pathways.id, barriers.pathwayId))
      .innerJoin(structures, eq(structures.id, pathways.structureId))
      .orderBy(asc(column), asc(pathways.id))
      .limit(10),
  ]);

  let histogram: { from: number; to: number; count: number }[] = [];
  if (range.n > 0 && range.lo !== null && range.hi !== null) {
    const width = niceBinWidth(range.hi - range.lo);
    const bin = sql<number>`floor(${column} / ${width})::int`;
    // By position: the width is a bound parameter, and PostgreSQL does not treat two parameters as one expression.
    const rows = await db.select({ bin, n: count() }).from(barriers).groupBy(sql`1`).orderBy(sql`1`);
    // Empty bins between filled ones are kept so the x axis is linear in energy.
    const byBin = new Map(rows.map((r) => [Number(r.bin), r.n]));
    const first = Math.floor(range.lo / width);
    const last = Math.floor(range.hi / width);
    for (let b = first; b <= last; b++) histogram.push({ from: b * width, to: (b + 1) * width, count: byBin.get(b) ?? 0 });
  }
  return { metric, total: range.n, histogram, points, pointsTruncated: range.n > points.length, lowest };
}
