/** Saving the settings page's form as a new version, and restoring an old version as a newer one. */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stageSettingsVersions, type StageSettingsRow } from "../../db/schema/index";
import { effectiveParams, saveStageSettings } from "../../workers/engine/settings";
import type { SettingsInput } from "./settings-input";
import { engineStage } from "./stage-catalogue";

/**
 * Saves every field of the form (criteria, priority, concurrency, params, auto-broaden, time limit).
 * Pausing is left out on purpose: it is an operation of the queues page, not a setting to edit here.
 */
export async function saveSettingsForm(db: Database, input: SettingsInput): Promise<StageSettingsRow> {
  const stage = engineStage(input.stage);
  return saveStageSettings(
    db,
    stage,
    {
      criteria: input.criteria,
      priority: input.priority,
      concurrency: input.concurrency,
      params: input.params,
      autoBroaden: input.autoBroaden,
      timeLimitSeconds: input.timeLimitSeconds,
    },
    input.note || "edited on the settings page",
  );
}

/**
 * Saves version `version`'s content as a new version noted "restored vN". The paused flag is kept
 * as it is now: restoring last week's criteria must not resume (or pause) a stage someone paused today.
 */
export async function restoreSettingsVersion(db: Database, stageName: string, version: number): Promise<StageSettingsRow | undefined> {
  const stage = engineStage(stageName);
  const [old] = await db
    .select()
    .from(stageSettingsVersions)
    .where(and(eq(stageSettingsVersions.stage, stage.name), eq(stageSettingsVersions.version, version)));
  if (!old) return undefined;
  return saveStageSettings(
    db,
    stage,
    {
      criteria: old.criteria,
      priority: old.priority,
      concurrency: old.concurrency,
      // Completed with the defaults of parameters added since that version was saved.
      params: effectiveParams(stage, old.params),
      autoBroaden: old.autoBroaden,
      timeLimitSeconds: old.timeLimitSeconds,
    },
    `restored v${version}`,
  );
}
