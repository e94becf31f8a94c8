import { sql } from "drizzle-orm";
import type { StageSettingsRow } from "../../db/schema/index";
import type { AnyStage, Transaction } from "./define-stage";
import { saveStageSettings } from "./settings";

/**
 * Applies the next step of the stage's auto-broaden schedule, if it has one left: the parameter
 * takes the step's value, a settings version notes it, and the finished runs the stage says could
 * gain from it (`reopenOnBroaden`; default all) return to pending so the feeder runs them again
 * with the new value. The caller decides that the stage has run dry. Returns the note, or
 * undefined when there was nothing to apply.
 */
export async function applyNextBroadenStep(
  tx: Transaction,
  stage: AnyStage,
  settings: StageSettingsRow,
): Promise<string | undefined> {
  const schedule = settings.autoBroaden;
  if (!schedule || schedule.stepIndex >= schedule.steps.length) return undefined;
  const next = schedule.steps[schedule.stepIndex];
  const previous = settings.params[schedule.param];
  const note = `auto-broaden: ${schedule.param} ${String(previous)} → ${String(next)} (no eligible input left)`;
  const saved = await saveStageSettings(
    tx,
    stage,
    { params: { [schedule.param]: next }, autoBroaden: { ...schedule, stepIndex: schedule.stepIndex + 1 } },
    note,
  );
  const which = stage.reopenOnBroaden?.(stage.params.parse(saved.params)) ?? sql`true`;
  const reopened = await tx.execute(sql`
    update stage_runs
       set status = 'pending', attempts = 0, claimed_at = null, started_at = null, finished_at = null, worker_id = null, front_at = null,
           note = ${`reopened by ${note}`}
     where stage_runs.stage = ${stage.name} and stage_runs.status = 'done' and (${which})
     returning 1`);
  return `${note}; ${reopened.rows.length} finished runs reopened`;
}

/** Whether the stage has finished anything: broadening a stage that never had input would run through every step at once. */
export async function hasFinishedRuns(tx: Transaction, stageName: string): Promise<boolean> {
  const { rows } = await tx.execute(sql`select 1 from stage_runs where stage = ${stageName} and status = 'done' limit 1`);
  return rows.length > 0;
}
