/**
 * Several inputs in one job, for stages whose computation costs less than the engine's bookkeeping
 * (`StageDeclaration.batchSize`). A job starting its own run also takes some of the stage's other
 * queued runs whose jobs no worker has locked yet ("siblings"): their jobs are deleted and their runs
 * started, in one statement. The job computes them one after another and writes every result and
 * outcome in one transaction, so one input costs about one statement (its write) instead of five.
 *
 * Recovery needs nothing new: a sibling is a `running` run with a worker and no job, which the lost-run
 * pass already handles (its worker dies, or it outlives the time limit) and the fence already guards.
 */
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stageTaskIdentifier, type AnyStage, type Transaction } from "./define-stage";
import { NOTIFY_RUN_FINISHED } from "./notify";
import type { RunFence } from "./run-state";

/**
 * Starts up to `limit` sibling runs of the stage for this worker and returns their fences, oldest jobs
 * first (graphile-worker's own order). At most half the stage's unlocked, due jobs are taken, so that
 * with few runs queued the other workers' slots still get theirs. The jobs are picked as
 * graphile-worker's own get_job picks them, from its jobs table with FOR UPDATE SKIP LOCKED, so that
 * workers starting batches at once take different siblings instead of queueing on the same rows; a
 * job another worker locks meanwhile is skipped (complete_jobs deletes unlocked jobs only). Jobs out
 * of attempts or waiting for a retry are left to graphile-worker and recovery.
 */
export async function startSiblingRuns(db: Database, stage: AnyStage, workerId: string, limit: number): Promise<RunFence[]> {
  if (limit <= 0) return [];
  const prefix = `${stage.name}:`;
  const { rows } = await db.execute<{ input_key: string; attempts: number }>(sql`
    with due as (
      select j.id, j.priority, j.run_at from graphile_worker._private_jobs j
       where j.task_id = (select id from graphile_worker._private_tasks where identifier = ${stageTaskIdentifier(stage.name)})
         and j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts
    ), picked as (
      select j.id from graphile_worker._private_jobs j
       where j.id in (select id from due)
       order by j.priority, j.run_at, j.id
       limit least(${limit}::int, (select count(*) from due) / 2)
         for update skip locked
    ), taken as (
      select (graphile_worker.complete_jobs(array(select id from picked))).key as job_key
    )
    update stage_runs r
       set status = 'running', attempts = r.attempts + 1, worker_id = ${workerId}, started_at = now(), finished_at = null
      from taken t
     where r.stage = ${stage.name} and t.job_key like ${`${prefix}%`}
       and r.input_key = substr(t.job_key, ${prefix.length + 1}) and r.status = 'queued'
     returning r.input_key, r.attempts`);
  return rows.map((r) => ({ stage: stage.name, inputKey: r.input_key, workerId, attempt: r.attempts }));
}

/**
 * The input rows of `keys` as the default `load` reads them (`select()` of the input table), by key;
 * a key that is no longer there (or, for a numeric key, no safe integer) is missing from the map.
 */
export async function loadInputRows(db: Database, stage: AnyStage, keys: string[]): Promise<Map<string, unknown>> {
  const numeric = stage.input.key.dataType === "number";
  const values = numeric ? keys.map(Number).filter(Number.isSafeInteger) : keys;
  if (values.length === 0) return new Map();
  const rows = (await db.select().from(stage.input.table).where(inArray(stage.input.key, values))) as Record<string, unknown>[];
  const keyName = Object.entries(stage.input.table).find(([, column]) => column === stage.input.key)?.[0];
  if (!keyName) throw new Error(`stage ${stage.name}: its input key is not a column of its input table`);
  return new Map(rows.map((row) => [String(row[keyName]), row]));
}

/** What one input of a batch came to: rows to write, a failure of the input, or back to the queue. */
export type BatchOutcome =
  | { status: "done"; rows: unknown[] }
  | { status: "failed"; error: string }
  | { status: "pending"; error: string };

export interface BatchItem {
  fence: RunFence;
  input: unknown;
  outcome: BatchOutcome;
}

/** The note of a done run: the stage's description of its rows, else how many it wrote. */
export const outcomeNote = (stage: AnyStage, rows: unknown[], params: unknown, ids: number[]): string =>
  stage.describe ? stage.describe(rows, params) : `${ids.length} rows`;

/** Some run of a batch was taken over (recovery) before its outcome: the batch's transaction is rolled back. */
export class BatchFencedOutError extends Error {
  constructor(stage: string, keys: string[]) {
    super(`${stage}: runs ${keys.join(", ")} of the batch were taken over; the batch is rolled back`);
  }
}

/**
 * In the caller's transaction: writes the rows of the batch's done inputs, then records every run's
 * outcome fenced as recordOutcome fences it, with one NOTIFY. When a run was taken over meanwhile,
 * throws BatchFencedOutError so the transaction rolls back (the caller then goes input by input,
 * each fenced on its own): rare, so the common case needs no statement to check the fences first.
 */
export async function writeBatch(tx: Transaction, stage: AnyStage, items: BatchItem[], params: unknown): Promise<void> {
  if (items.length === 0) return;
  const { workerId } = items[0].fence;
  const results: (string | null)[] = [];
  const notes: (string | null)[] = [];
  for (const item of items) {
    if (item.outcome.status !== "done") {
      results.push(null);
      notes.push(null);
      continue;
    }
    const ids = await stage.write(tx, item.input, item.outcome.rows, params);
    results.push(JSON.stringify({ ids }));
    notes.push(outcomeNote(stage, item.outcome.rows, params, ids));
  }
  const column = <T>(values: T[], type: string) => sql`cast(${sql.param(values)} as ${sql.raw(type)})`;
  const { rows } = await tx.execute<{ input_key: string }>(sql`
    with o as (
      select * from unnest(${column(items.map((i) => i.fence.inputKey), "text[]")}, ${column(items.map((i) => i.fence.attempt), "int[]")},
                           ${column(items.map((i) => i.outcome.status), "text[]")}, ${column(results, "jsonb[]")}, ${column(notes, "text[]")},
                           ${column(items.map((i) => (i.outcome.status === "done" ? null : i.outcome.error)), "text[]")})
        as o(input_key, attempt, status, result, note, error)
    ), recorded as (
      update stage_runs r
         set status = o.status,
             result = case when o.status = 'done' then o.result else r.result end,
             note = case when o.status = 'done' then o.note else r.note end,
             last_error = o.error,
             finished_at = case when o.status = 'pending' then null else now() end,
             worker_id = case when o.status = 'pending' then null else r.worker_id end,
             claimed_at = case when o.status = 'pending' then null else r.claimed_at end
        from o
       where r.stage = ${stage.name} and r.input_key = o.input_key and r.status = 'running'
         and r.worker_id = ${workerId} and r.attempts = o.attempt
       returning r.input_key)
    select input_key, pg_notify(${NOTIFY_RUN_FINISHED}, ${stage.name}) from recorded`);
  if (rows.length < items.length) {
    const recorded = new Set(rows.map((r) => r.input_key));
    throw new BatchFencedOutError(stage.name, items.map((i) => i.fence.inputKey).filter((k) => !recorded.has(k)));
  }
}
