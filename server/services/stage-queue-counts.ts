/**
 * The queues page's numbers per stage: inputs eligible now and inputs the criteria keep out (both
 * counted with the engine's own eligibility SQL), runs by status, and the stage's flow settings.
 * Counting scans every stage's inputs, so the page is served a snapshot of these numbers kept by
 * stage-queue-snapshot.ts; countStageQueues is the count itself.
 */
import { count, sql } from "drizzle-orm";
import { poolOf, type Database } from "../../db/client";
import { transaction } from "../../db/transaction";
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

/** Settings for these counts in a transaction (see countStageQueues). */
async function countingSettings(tx: Transaction): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local enable_nestloop = off`);
}

const readOnly = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

/** Connections counting at once: the counts are CPU-bound scans, and the database has a few cores. */
const LANES = 2;

/**
 * Counts every stage's numbers now, all of one moment (e.g. queued + running never exceeds the
 * concurrency in the numbers shown): a read-only transaction whose snapshot a second one imports,
 * so that the stages are counted two at a time on two connections.
 *
 * - JIT off: these are a few mid-sized scans, where compiling costs more than it saves.
 * - Nested loops off: the planner guesses one row out of the anti-join with stage_runs (an OR over
 *   a null-extended join it cannot estimate) and so joins the upstream tables row by row; these
 *   counts always cover every input, where hash joins are the right plan.
 */
export async function countStageQueues(db: Database): Promise<StageQueue[]> {
  // Outside the read-only transactions: reading a stage's settings seeds them on first use.
  const settings: StageSettingsRow[] = [];
  for (const stage of ENGINE_STAGES) settings.push(await readStageSettings(db, stage));
  const awaiting: Array<{ eligible: number; excluded: number }> = [];
  let runs = new Map<string, Record<StageRunStatus, number>>();
  // The largest stages (most inputs) first, so that the lanes finish together; then the runs.
  const work = [
    ...ENGINE_STAGES.map((stage, i) => async (tx: Transaction) => {
      awaiting[i] = await countAwaiting(tx, stage, settings[i]);
    }).reverse(),
    async (tx: Transaction) => {
      runs = await runsByStage(tx);
    },
  ];
  const lane = async (tx: Transaction) => {
    for (let job = work.shift(); job; job = work.shift()) await job(tx);
  };

  const queue = (stage: string, countedAt: Date): Pick<StageQueue, "stage" | "runs" | "countedAt"> => ({ stage, runs: runs.get(stage)!, countedAt });
  const queuesOf = (countedAt: Date): StageQueue[] => [
    { ...queue(STRUCTURES_STAGE, countedAt), engine: false, eligible: null, excluded: null, concurrency: null, paused: null, settingsVersion: null },
    ...ENGINE_STAGES.map((stage, i) => ({
      ...queue(stage.name, countedAt),
      engine: true,
      ...awaiting[i],
      concurrency: settings[i].concurrency,
      paused: settings[i].paused,
      settingsVersion: settings[i].version,
    })),
  ];

  // Each transaction on a client of its own, always given back (db/transaction.ts): drizzle's
  // transaction on a pool (0.45) keeps the connection when BEGIN fails (the database going away), and
  // a count repeated every few seconds would drain the web server's pool. Over a single client, one lane on it.
  const overPool = poolOf(db) !== undefined;
  return await transaction(db, async (tx) => {
    await countingSettings(tx);
    const countedAt = new Date();
    const { rows } = await tx.execute<{ snapshot: string }>(sql`select pg_export_snapshot() as snapshot`);
    const { snapshot } = rows[0];
    if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
    const others = Array.from({ length: overPool ? LANES - 1 : 0 }, () =>
      transaction(db, async (otx) => {
        // SET TRANSACTION SNAPSHOT takes no parameters; the id was checked above.
        await otx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
        await countingSettings(otx);
        await lane(otx);
      }, readOnly),
    );
    // Every lane settled before the snapshot's transaction ends, even when one fails.
    const failed = (await Promise.allSettled([lane(tx), ...others])).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    return queuesOf(countedAt);
  }, readOnly);
}
