/**
 * The queues page's numbers per stage: inputs eligible now and inputs the criteria keep out (both
 * counted with the engine's own eligibility SQL), runs by status, and the stage's flow settings.
 */
import { count, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { STAGE_RUN_STATUSES, stageRuns, type StageRunStatus } from "../../db/schema/index";
import { STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import type { AnyStage } from "../../workers/engine/define-stage";
import { eligibleCondition, excludedCondition, inputsWhere } from "../../workers/engine/eligibility";
import { readStageSettings } from "../../workers/engine/settings";
import { ENGINE_STAGES } from "./stage-catalogue";

export interface StageQueue {
  stage: string;
  /** False for the import stage: it has no criteria, feeder or settings. */
  engine: boolean;
  runs: Record<StageRunStatus, number>;
  eligible: number | null;
  excluded: number | null;
  concurrency: number | null;
  paused: boolean | null;
  settingsVersion: number | null;
}

/** Counts `select count(*) from <inputs> where <condition>`. */
export async function countInputs(db: Database, stage: AnyStage, condition: ReturnType<typeof eligibleCondition>): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`select count(*) as n ${inputsWhere(stage, condition)}`);
  return Number(rows[0].n);
}

async function runsByStage(db: Database): Promise<Map<string, Record<StageRunStatus, number>>> {
  const rows = await db
    .select({ stage: stageRuns.stage, status: stageRuns.status, n: count() })
    .from(stageRuns)
    .groupBy(stageRuns.stage, stageRuns.status);
  const byStage = new Map<string, Record<StageRunStatus, number>>();
  const empty = () => Object.fromEntries(STAGE_RUN_STATUSES.map((s) => [s, 0])) as Record<StageRunStatus, number>;
  for (const r of rows) {
    const runs = byStage.get(r.stage) ?? empty();
    runs[r.status] = r.n;
    byStage.set(r.stage, runs);
  }
  for (const name of [STRUCTURES_STAGE, ...ENGINE_STAGES.map((s) => s.name)]) if (!byStage.has(name)) byStage.set(name, empty());
  return byStage;
}

export async function stageQueues(db: Database): Promise<StageQueue[]> {
  const runs = await runsByStage(db);
  const imports: StageQueue = {
    stage: STRUCTURES_STAGE,
    engine: false,
    runs: runs.get(STRUCTURES_STAGE)!,
    eligible: null,
    excluded: null,
    concurrency: null,
    paused: null,
    settingsVersion: null,
  };
  const engine = await Promise.all(
    ENGINE_STAGES.map(async (stage): Promise<StageQueue> => {
      const settings = await readStageSettings(db, stage);
      const [eligible, excluded] = await Promise.all([
        countInputs(db, stage, eligibleCondition(stage, settings.criteria, settings.params)),
        countInputs(db, stage, excludedCondition(stage, settings.criteria, settings.params)),
      ]);
      return {
        stage: stage.name,
        engine: true,
        runs: runs.get(stage.name)!,
        eligible,
        excluded,
        concurrency: settings.concurrency,
        paused: settings.paused,
        settingsVersion: settings.version,
      };
    }),
  );
  return [imports, ...engine];
}
