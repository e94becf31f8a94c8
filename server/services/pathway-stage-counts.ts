/**
 * How far the pipeline has come, per stage: its runs in stage_runs by status, and the rows its
 * result table holds. Both are shown because finished runs may be pruned from stage_runs while
 * their results stay, and the results are what the rest of the site reads.
 */
import { count } from "drizzle-orm";
import type { Database } from "../../db/client";
import { barriers } from "../../db/schema/barriers";
import { measures } from "../../db/schema/measures";
import { pathways } from "../../db/schema/pathways";
import { percolation } from "../../db/schema/percolation";
import { STAGE_RUN_STATUSES, stageRuns, type StageRunStatus } from "../../db/schema/stage-runs";
import { structures } from "../../db/schema/structures";

/** Pipeline order, with each stage's result table and what one of its rows is. */
const PIPELINE = [
  { stage: "structures", table: structures, unit: "structures" },
  { stage: "pathways", table: pathways, unit: "pathways" },
  { stage: "measures", table: measures, unit: "measured pathways" },
  { stage: "barriers", table: barriers, unit: "pathways with barriers" },
  { stage: "percolation", table: percolation, unit: "structures with percolation" },
] as const;

export interface StageCount {
  stage: string;
  unit: string;
  /** Rows in the stage's result table. */
  results: number;
  runs: Record<StageRunStatus, number>;
  /** Runs waiting or under way: pending + queued + running. */
  inProgress: number;
}

export async function pipelineStageCounts(db: Database): Promise<StageCount[]> {
  const [runRows, ...resultCounts] = await Promise.all([
    db.select({ stage: stageRuns.stage, status: stageRuns.status, n: count() }).from(stageRuns).groupBy(stageRuns.stage, stageRuns.status),
    ...PIPELINE.map((p) => db.select({ n: count() }).from(p.table)),
  ]);
  return PIPELINE.map((p, i) => {
    const runs = Object.fromEntries(STAGE_RUN_STATUSES.map((s) => [s, 0])) as Record<StageRunStatus, number>;
    for (const r of runRows) if (r.stage === p.stage) runs[r.status] = r.n;
    return {
      stage: p.stage,
      unit: p.unit,
      results: resultCounts[i][0].n,
      runs,
      inProgress: runs.pending + runs.queued + runs.running,
    };
  });
}
