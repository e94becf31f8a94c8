import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { AnyStage, Transaction } from "./define-stage";
import { NOTIFY_RUN_FINISHED } from "./notify";

type Executor = Database | Transaction;

// Both controls make work claimable, as a finished run does: wake the feeders the same way.
const wakeFeeders = (db: Executor, stageName: string) => db.execute(sql`select pg_notify(${NOTIFY_RUN_FINISHED}, ${stageName})`);

/**
 * Moves one input to the front of the stage's queue: its run (created pending if it has none) gets
 * front_at = now(), and the feeder claims pending runs with front_at first, latest move first. Only
 * an input awaiting its run can move: one queued, running or finished is refused (false), and so is
 * a row-less input that already has results, since a pending row would make it run again.
 */
export async function moveToFront(db: Executor, stage: AnyStage, inputKey: string): Promise<boolean> {
  const { table, key } = stage.input;
  const { rows } = await db.execute(sql`
    insert into stage_runs (stage, input_key, status, front_at)
    select ${stage.name}, ${key}::text, 'pending', now()
      from ${table}
     where ${key}::text = ${inputKey}
       and (exists (select 1 from stage_runs r where r.stage = ${stage.name} and r.input_key = ${inputKey})
            or not exists (select 1 from ${stage.output.table} where ${stage.output.key} = ${key}))
    on conflict (stage, input_key) do update set front_at = now() where stage_runs.status = 'pending'
    returning 1`);
  if (rows.length === 0) return false;
  await wakeFeeders(db, stage.name);
  return true;
}

/**
 * Sets failed runs back to pending (all of the stage's, or one), so the feeder runs them again if
 * the criteria still hold. Attempts restart from zero, since recovery fails a run that has used them
 * all; the last error stays until the next outcome replaces it. Returns the input keys retried.
 */
export async function retryFailed(db: Executor, stageName: string, inputKey?: string): Promise<string[]> {
  const one = inputKey === undefined ? sql`true` : sql`input_key = ${inputKey}`;
  const { rows } = await db.execute<{ input_key: string }>(sql`
    update stage_runs
       set status = 'pending', attempts = 0, claimed_at = null, started_at = null, finished_at = null,
           worker_id = null, front_at = null
     where stage = ${stageName} and status = 'failed' and ${one}
     returning input_key`);
  if (rows.length > 0) await wakeFeeders(db, stageName);
  return rows.map((r) => r.input_key);
}
