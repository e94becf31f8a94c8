import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stageRuns, stageSettings, type StageRunResult } from "../../db/schema/index";
import type { AnyStage, Transaction } from "./define-stage";
import { NOTIFY_RUN_FINISHED } from "./notify";

type Executor = Database | Transaction;

/**
 * Which attempt of a run a job is working on. Recovery may hand a run to another worker while the
 * first is still alive (e.g. it overran); the first worker's late outcome is then refused because
 * its fence no longer matches, so a run is finished by exactly one attempt.
 */
export interface RunFence {
  stage: string;
  inputKey: string;
  workerId: string;
  attempt: number;
}

/**
 * Marks a claimed run as running on this worker and counts the attempt. Returns undefined when the
 * run is no longer waiting for a job (finished, failed, or taken back by recovery), so a stray or
 * duplicate job does nothing.
 */
export async function startClaimedRun(db: Executor, stage: string, inputKey: string, workerId: string): Promise<RunFence | undefined> {
  const { rows } = await db.execute<{ attempts: number }>(sql`
    update stage_runs
       set status = 'running', attempts = attempts + 1, worker_id = ${workerId}, started_at = now(), finished_at = null
     where stage = ${stage} and input_key = ${inputKey} and status in ('queued', 'running')
     returning attempts`);
  return rows[0] ? { stage, inputKey, workerId, attempt: rows[0].attempts } : undefined;
}

/** A started run: its fence, and what the job needs next, read in the statement that started it. */
export interface StartedRun {
  fence: RunFence;
  /** The stage's saved settings (params as saved); undefined when the stage has none yet. */
  settings?: { params: Record<string, unknown>; timeLimitSeconds: number };
  /** With `withInput`: the input row by its key, as `select().from(input table)` reads it; undefined when gone. */
  input?: unknown;
}

interface StartQuery {
  execute(values: Record<string, unknown>): Promise<Array<{ attempts: number; params: Record<string, unknown> | null; timeLimitSeconds: number | null; input?: unknown }>>;
}

// Built once per connection and stage, and prepared on the server under a name derived from its text
// (the same text under the same name on every connection, whichever stage declaration built it).
const startQueries = new WeakMap<Database, Map<AnyStage, Map<boolean, StartQuery>>>();

function startQuery(db: Database, stage: AnyStage, withInput: boolean): StartQuery {
  let byStage = startQueries.get(db);
  if (!byStage) startQueries.set(db, (byStage = new Map()));
  let byInput = byStage.get(stage);
  if (!byInput) byStage.set(stage, (byInput = new Map()));
  const cached = byInput.get(withInput);
  if (cached) return cached;

  const started = db.$with("started").as(
    db
      .update(stageRuns)
      .set({ status: "running", attempts: sql`${stageRuns.attempts} + 1`, workerId: sql`${sql.placeholder("workerId")}`, startedAt: sql`now()`, finishedAt: null })
      .where(and(eq(stageRuns.stage, sql.placeholder("stage")), eq(stageRuns.inputKey, sql.placeholder("inputKey")), inArray(stageRuns.status, ["queued", "running"])))
      .returning({ attempts: stageRuns.attempts }),
  );
  // Left joins: a run started whose settings (or input) are missing still returns its row, so a start
  // is never made without the job knowing it.
  const base = db
    .with(started)
    .select({
      attempts: started.attempts,
      params: stageSettings.params,
      timeLimitSeconds: stageSettings.timeLimitSeconds,
      ...(withInput ? { input: stage.input.table } : {}),
    })
    .from(started)
    .leftJoin(stageSettings, eq(stageSettings.stage, sql.placeholder("stage")))
    .$dynamic();
  const query = withInput ? base.leftJoin(stage.input.table, eq(stage.input.key, sql.placeholder("key"))) : base;
  const name = `hopscape_start_${createHash("sha1").update(query.toSQL().sql).digest("hex").slice(0, 16)}`;
  const prepared = query.prepare(name) as unknown as StartQuery;
  byInput.set(withInput, prepared);
  return prepared;
}

/**
 * startClaimedRun, and in the same statement (one round trip, one snapshot) the stage's settings and,
 * with `withInput`, the input row the default `load` reads. The input key is read as the key column's
 * type; a numeric key that is no safe integer has no row.
 */
export async function startRun(db: Database, stage: AnyStage, inputKey: string, workerId: string, withInput: boolean): Promise<StartedRun | undefined> {
  let key: string | number | undefined = inputKey;
  if (stage.input.key.dataType === "number") {
    key = Number(inputKey);
    if (!Number.isSafeInteger(key)) key = undefined;
  }
  const readInput = withInput && key !== undefined;
  const [row] = await startQuery(db, stage, readInput).execute({ stage: stage.name, inputKey, workerId, ...(readInput ? { key } : {}) });
  if (!row) return undefined;
  return {
    fence: { stage: stage.name, inputKey, workerId, attempt: row.attempts },
    settings: row.params === null || row.timeLimitSeconds === null ? undefined : { params: row.params, timeLimitSeconds: row.timeLimitSeconds },
    input: readInput ? (row.input ?? undefined) : undefined,
  };
}

export class FencedOutError extends Error {
  constructor(fence: RunFence) {
    super(`run ${fence.stage}:${fence.inputKey} attempt ${fence.attempt} was taken over; its outcome is discarded`);
  }
}

type Outcome =
  | { status: "done"; result: StageRunResult; note: string | null }
  | { status: "failed"; error: string }
  | { status: "queued"; error: string };

/**
 * Records an attempt's outcome (if the attempt still owns the run) and wakes the feeders, since a
 * finished run frees a slot of the stage's concurrency. "queued" means graphile-worker retries the job.
 */
export async function recordOutcome(db: Executor, fence: RunFence, outcome: Outcome): Promise<boolean> {
  const finished = outcome.status === "queued" ? sql`null` : sql`now()`;
  const set =
    outcome.status === "done"
      ? sql`result = ${JSON.stringify(outcome.result)}::jsonb, note = ${outcome.note}, last_error = null`
      : sql`last_error = ${outcome.error}`;
  // One statement: the update (a data-modifying CTE runs whether or not it is read) and the NOTIFY.
  const { rows } = await db.execute<{ recorded: boolean }>(sql`
    with recorded as (
      update stage_runs set status = ${outcome.status}, ${set}, finished_at = ${finished}
       where stage = ${fence.stage} and input_key = ${fence.inputKey} and status = 'running'
         and worker_id = ${fence.workerId} and attempts = ${fence.attempt}
       returning 1)
    select exists (select 1 from recorded) as recorded, pg_notify(${NOTIFY_RUN_FINISHED}, ${fence.stage})`);
  return rows[0].recorded;
}
