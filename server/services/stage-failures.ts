/** A stage's failed runs with the error of each, newest first. */
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stageRuns } from "../../db/schema/index";
import { STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import { engineStage } from "./stage-catalogue";
import { inputLabels } from "./stage-input-labels";

const SHOWN = 50;

export interface StageFailure {
  inputKey: string;
  label: string | null;
  href: string | null;
  error: string | null;
  attempts: number;
  finishedAt: Date | null;
}

export async function stageFailures(db: Database, stage: string): Promise<{ total: number; rows: StageFailure[] }> {
  const failed = and(eq(stageRuns.stage, stage), eq(stageRuns.status, "failed"));
  const [[{ n }], runs] = await Promise.all([
    db.select({ n: count() }).from(stageRuns).where(failed),
    db
      .select()
      .from(stageRuns)
      .where(failed)
      .orderBy(sql`${stageRuns.finishedAt} desc nulls last`, desc(stageRuns.id))
      .limit(SHOWN),
  ]);
  // Import inputs are hashes of files that were not imported: there is no row to name them by.
  const labels =
    stage === STRUCTURES_STAGE ? new Map() : await inputLabels(db, engineStage(stage), runs.map((r) => r.inputKey));
  return {
    total: n,
    rows: runs.map((r) => ({
      inputKey: r.inputKey,
      label: labels.get(r.inputKey)?.label ?? r.note,
      href: labels.get(r.inputKey)?.href ?? null,
      error: r.lastError,
      attempts: r.attempts,
      finishedAt: r.finishedAt,
    })),
  };
}
