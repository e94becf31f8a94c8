/** How the structure imports stand: stage_runs of the structures stage counted by status. */
import { count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { STAGE_RUN_STATUSES, stageRuns, type StageRunStatus } from "../../db/schema/index";
import { STRUCTURES_STAGE } from "../../lib/records/structure-import-input";

export type ImportSummary = Record<StageRunStatus, number> & { inProgress: number };

export async function importSummary(db: Database): Promise<ImportSummary> {
  const rows = await db
    .select({ status: stageRuns.status, n: count() })
    .from(stageRuns)
    .where(eq(stageRuns.stage, STRUCTURES_STAGE))
    .groupBy(stageRuns.status);
  const byStatus = Object.fromEntries(STAGE_RUN_STATUSES.map((s) => [s, 0])) as Record<StageRunStatus, number>;
  for (const r of rows) byStatus[r.status] = r.n;
  return { ...byStatus, inProgress: byStatus.pending + byStatus.queued + byStatus.running };
}
