/**
 * The queues page's numbers per stage: inputs eligible now and inputs the criteria keep out (both
 * counted with the engine's own eligibility SQL), runs by status, and the stage's flow settings.
 * Counting scans every stage's inputs, so the page is served a snapshot of these numbers kept by
 * stage-queue-snapshot.ts; countStageQueues is the count itself.
 */
import { count, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { STAGE_RUN_STATUSES, stageRuns, type StageRunStatus, type StageSettingsRow } from "../../db/schema/index";
import { STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import type { AnyStage, Transaction } from "../../workers/engine/define-stage";
import { awaitingRun, eligibleCondition, excludedCondition, inputsWhere } from "../../workers/engine/eligibility";
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
  /** When these numbers were counted (the same for every stage: one consistent count). */
  countedAt: Date;
}

type Executor = Database | Transaction;

/** Counts `select count(*) from <inputs> where <condition>`. */
export async function countInputs(db: Executor, stage: AnyStage, condition: ReturnType<typeof eligibleCondition>): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`select count(*) as n ${inputsWhere(stage, condition)}`);
  return Number(rows[0].n);
}

/**
 * Eligible and excluded inputs in one pass over the inputs awaiting their run: the two conditions
 * share that part, so one scan of the inputs and one anti-join with stage_runs instead of two.
 */
async function countAwaiting(db: Executor, stage: AnyStage, settings: StageSettingsRow): Promise<{ eligible: number; excluded: number }> {
  const { rows } = await db.execute<{ eligible: string; excluded: string }>(
    sql`select count(*) filter (where ${eligibleCondition(stage, settings.criteria, settings.params)}) as eligible,
               count(*) filter (where ${excludedCondition(stage, settings.criteria, settings.params)}) as excluded
        ${inputsWhere(stage, awaitingRun(stage))}`,
  );
  return { eligible: Number(rows[0].eligible), excluded: Number(rows[0].excluded) };
}

async function runsByStage(db: Executor): Promise<Map<string, Record<StageRunStatus, number>>> {
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

/**
 * Counts every stage's numbers now: one read-only transaction, so runs, eligible and excluded are
 * of one moment (e.g. queued + running never exceeds the concurrency in the numbers shown).
 *
 * - JIT off: these are a few mid-sized scans, where compiling costs more than it saves.
 * - Nested loops off: the planner guesses one row out of the anti-join with stage_runs (an OR over
 *   a null-extended join it cannot estimate) and so joins the upstream tables row by row; these
 *   counts always cover every input, where hash joins are the right plan (about half the time of
 *   the largest count at 100,000 pathways).
 */
export async function countStageQueues(db: Database): Promise<StageQueue[]> {
  // Outside the read-only transaction: reading a stage's settings seeds them on first use.
  const settings = await Promise.all(ENGINE_STAGES.map((stage) => readStageSettings(db, stage)));
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local enable_nestloop = off`);
      const countedAt = new Date();
      const runs = await runsByStage(tx);
      const queues: StageQueue[] = [
        {
          stage: STRUCTURES_STAGE,
          engine: false,
          runs: runs.get(STRUCTURES_STAGE)!,
          eligible: null,
          excluded: null,
          concurrency: null,
          paused: null,
          settingsVersion: null,
          countedAt,
        },
      ];
      for (const [i, stage] of ENGINE_STAGES.entries()) {
        const { eligible, excluded } = await countAwaiting(tx, stage, settings[i]);
        queues.push({
          stage: stage.name,
          engine: true,
          runs: runs.get(stage.name)!,
          eligible,
          excluded,
          concurrency: settings[i].concurrency,
          paused: settings[i].paused,
          settingsVersion: settings[i].version,
          countedAt,
        });
      }
      return queues;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
