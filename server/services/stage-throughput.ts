/** Finished runs of a stage per time bucket (stage_runs.finished_at), for the queues page's chart. */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";

/** The last hour in 5-minute buckets, the last day in hours. */
const WINDOWS = {
  hour: { bucket: "5 minutes", buckets: 12 },
  day: { bucket: "1 hour", buckets: 24 },
} as const;
export const throughputWindow = z.enum(["hour", "day"]);
export type ThroughputWindow = z.infer<typeof throughputWindow>;

export interface ThroughputBucket {
  start: Date;
  done: number;
  failed: number;
  /** Import duplicates: finished without a new result. */
  skipped: number;
}

export async function stageThroughput(db: Database, stage: string, window: ThroughputWindow): Promise<ThroughputBucket[]> {
  const { bucket, buckets } = WINDOWS[window];
  const step = sql`cast(${bucket} as interval)`;
  // Buckets aligned on the clock (date_bin from a fixed origin), the last one holding now.
  const { rows } = await db.execute<{ start: string; done: string; failed: string; skipped: string }>(sql`
    with last as (select date_bin(${step}, now(), timestamptz '2000-01-01') as start),
         buckets as (
           select generate_series(last.start - ${step} * ${buckets - 1}::int, last.start, ${step}) as start from last)
    select b.start,
           count(*) filter (where r.status = 'done') as done,
           count(*) filter (where r.status = 'failed') as failed,
           count(*) filter (where r.status = 'skipped') as skipped
      from buckets b
      left join stage_runs r
        on r.stage = ${stage} and r.finished_at >= b.start and r.finished_at < b.start + ${step}
     group by b.start
     order by b.start`);
  return rows.map((r) => ({ start: new Date(r.start), done: Number(r.done), failed: Number(r.failed), skipped: Number(r.skipped) }));
}
