import { sql } from "drizzle-orm";
import type { StageSettingsRow } from "../../db/schema/index";
import { DEFAULT_MAX_ATTEMPTS, stageTaskIdentifier, type AnyStage, type Transaction } from "./define-stage";
import { claimOrder, eligibleCondition, inputsWhere } from "./eligibility";

/**
 * Claims up to `limit` eligible inputs, those moved to the front first, then by priority, and
 * queues one graphile-worker job for each, in the caller's transaction (a claim never exists without its job, nor a job without
 * its claim). Eligible: the criteria hold, and either the input's run was reopened (pending) or it
 * has no run and no result rows yet. Two feeders racing for the same input both try to insert its
 * run; the loser meets the winner's row in ON CONFLICT and, finding it no longer pending, claims
 * nothing. Returns the claimed input keys.
 */
export async function claimInputs(
  tx: Transaction,
  stage: AnyStage,
  settings: StageSettingsRow,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  const { key } = stage.input;
  const eligible = eligibleCondition(stage, settings.criteria, settings.params);
  const order = claimOrder(stage, settings.priority);
  const { rows } = await tx.execute<{ input_key: string }>(sql`
    with picked as (
      select ${key}::text as input_key
        ${inputsWhere(stage, eligible)}
       order by ${sql.join(order, sql`, `)}
       limit ${limit}
    )
    insert into stage_runs (stage, input_key, status, claimed_at)
    select ${stage.name}, input_key, 'queued', now() from picked
    on conflict (stage, input_key) do update
       set status = 'queued', claimed_at = now(), worker_id = null, finished_at = null
     where stage_runs.status = 'pending'
    returning input_key`);
  const keys = rows.map((r) => r.input_key);
  if (keys.length > 0) {
    // One add_jobs call for all of them (add_job would call it once per job, each with its own NOTIFY);
    // the same "replace" job-key mode as add_job's default.
    await tx.execute(sql`
      select count(*) from graphile_worker.add_jobs(array(
        select row(${stageTaskIdentifier(stage.name)}, json_build_object('inputKey', k), null, null,
                   ${stage.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, ${stage.name} || ':' || k, null, null)::graphile_worker.job_spec
          from unnest(cast(${sql.param(keys)} as text[])) as k))`);
  }
  return keys;
}

/** Runs of the stage holding a slot of its concurrency: waiting for a worker or running. */
export async function countInFlight(tx: Transaction, stageName: string): Promise<number> {
  const { rows } = await tx.execute<{ n: string }>(sql`
    select count(*) as n from stage_runs where stage = ${stageName} and status in ('queued', 'running')`);
  return Number(rows[0].n);
}

/**
 * Takes back up to `count` queued runs whose job no worker has started (newest claims first), so
 * that a pause or a lower concurrency applies to work already queued. Their jobs are deleted and the
 * runs return to pending. A job a worker locks meanwhile is left alone (complete_jobs skips locked jobs).
 */
export async function withdrawQueued(tx: Transaction, stageName: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await tx.execute<{ key: string }>(sql`
    select (graphile_worker.complete_jobs(array(
      select j.id from stage_runs r
        join graphile_worker.jobs j on j.key = r.stage || ':' || r.input_key
       where r.stage = ${stageName} and r.status = 'queued' and j.locked_at is null
       order by r.claimed_at desc
       limit ${count}))).key as key`);
  const keys = rows.map((r) => r.key.slice(stageName.length + 1));
  if (keys.length === 0) return [];
  await tx.execute(sql`
    update stage_runs set status = 'pending', claimed_at = null
     where stage = ${stageName} and status = 'queued' and input_key = any(cast(${sql.param(keys)} as text[]))`);
  return keys;
}
