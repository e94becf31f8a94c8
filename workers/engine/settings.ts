import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { transaction } from "../../db/transaction";
import {
  stageSettings,
  stageSettingsVersions,
  type AutoBroadenSetting,
  type CriterionSetting,
  type PrioritySetting,
  type StageSettingsRow,
  type StageSettingsVersionRow,
} from "../../db/schema/index";
import { compileCriteria, compilePriority } from "./criteria";
import { DEFAULT_TIME_LIMIT_SECONDS, type AnyStage, type Transaction } from "./define-stage";
import { NOTIFY_SETTINGS } from "./notify";
import { rankingResolver } from "./rankings";

type Executor = Database | Transaction;

export const autoBroadenSchema = z.object({
  param: z.string(),
  steps: z.array(z.union([z.number(), z.string()])),
  stepIndex: z.number().int().min(0),
});

/** A change to a stage's settings: fields left out keep their value; `params` is merged into the current ones. */
export interface SettingsChange {
  criteria?: CriterionSetting[];
  priority?: PrioritySetting[];
  concurrency?: number;
  paused?: boolean;
  params?: Record<string, unknown>;
  autoBroaden?: AutoBroadenSetting | null;
  timeLimitSeconds?: number;
}

type SettingsFields = Omit<StageSettingsRow, "stage" | "version" | "updatedAt">;

function defaultFields(stage: AnyStage): SettingsFields {
  const d = stage.defaults;
  return {
    criteria: d.criteria,
    priority: d.priority,
    concurrency: d.concurrency,
    paused: false,
    params: stage.params.parse(d.params) as Record<string, unknown>,
    autoBroaden: d.autoBroaden ?? null,
    timeLimitSeconds: d.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
  };
}

/** Checks settings against the stage (params schema, whitelisted criteria columns, limits); throws a readable error. */
export function validateSettings(stage: AnyStage, fields: SettingsFields): SettingsFields {
  const params = stage.params.parse(fields.params) as Record<string, unknown>;
  compileCriteria(fields.criteria, stage.criteriaColumns, params);
  compilePriority(fields.priority, stage.criteriaColumns, rankingResolver(stage));
  const concurrency = z.number().int().min(0).parse(fields.concurrency);
  const timeLimitSeconds = z.number().int().positive().parse(fields.timeLimitSeconds);
  const autoBroaden = fields.autoBroaden === null ? null : autoBroadenSchema.parse(fields.autoBroaden);
  if (autoBroaden) {
    if (!(autoBroaden.param in params)) throw new Error(`auto-broaden parameter ${autoBroaden.param} is not a parameter of ${stage.name}`);
    // Every step must be a valid value of the parameter, or broadening would stop halfway with an error.
    for (const step of autoBroaden.steps) stage.params.parse({ ...params, [autoBroaden.param]: step });
  }
  return { ...fields, params, concurrency, timeLimitSeconds, autoBroaden, paused: Boolean(fields.paused) };
}

/** Creates the stage's settings from its defaults (version 1) unless they exist. */
export async function ensureStageSettings(db: Executor, stage: AnyStage): Promise<void> {
  const fields = defaultFields(stage);
  await transaction(db, async (tx) => {
    const inserted = await tx
      .insert(stageSettings)
      .values({ stage: stage.name, ...fields, version: 1 })
      .onConflictDoNothing()
      .returning({ stage: stageSettings.stage });
    if (inserted.length > 0) {
      await tx.insert(stageSettingsVersions).values({ stage: stage.name, version: 1, ...fields, note: "defaults" });
    }
  });
}

/**
 * Saved params over the stage's current defaults: a parameter added to a stage's code after its
 * settings were saved takes its default instead of making every saved version invalid.
 */
export function effectiveParams(stage: AnyStage, saved: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...(stage.defaults.params as Record<string, unknown>), ...saved };
  const parsed = stage.params.safeParse(merged);
  if (!parsed.success) throw new Error(`stage ${stage.name}: saved params are not valid: ${parsed.error.message}`);
  return parsed.data as Record<string, unknown>;
}

/** The current settings of a stage (params completed by effectiveParams), seeding them from its defaults on first use. */
export async function readStageSettings(db: Executor, stage: AnyStage): Promise<StageSettingsRow> {
  let [row] = await db.select().from(stageSettings).where(eq(stageSettings.stage, stage.name));
  if (!row) {
    await ensureStageSettings(db, stage);
    [row] = await db.select().from(stageSettings).where(eq(stageSettings.stage, stage.name));
  }
  return { ...row, params: effectiveParams(stage, row.params) };
}

/**
 * Saves a change as a new version (validated first) and wakes the feeders, which apply it on their
 * next tick. Concurrent saves are serialised by the row lock, so no version number is used twice.
 */
export async function saveStageSettings(
  db: Executor,
  stage: AnyStage,
  change: SettingsChange,
  note: string | null = null,
): Promise<StageSettingsRow> {
  await ensureStageSettings(db, stage);
  return transaction(db, async (tx) => {
    const [current] = await tx.select().from(stageSettings).where(eq(stageSettings.stage, stage.name)).for("update");
    const fields = validateSettings(stage, {
      criteria: change.criteria ?? current.criteria,
      priority: change.priority ?? current.priority,
      concurrency: change.concurrency ?? current.concurrency,
      paused: change.paused ?? current.paused,
      params: { ...effectiveParams(stage, current.params), ...change.params },
      autoBroaden: change.autoBroaden === undefined ? current.autoBroaden : change.autoBroaden,
      timeLimitSeconds: change.timeLimitSeconds ?? current.timeLimitSeconds,
    });
    const version = current.version + 1;
    const [saved] = await tx
      .update(stageSettings)
      .set({ ...fields, version, updatedAt: sql`now()` })
      .where(eq(stageSettings.stage, stage.name))
      .returning();
    await tx.insert(stageSettingsVersions).values({ stage: stage.name, version, ...fields, note });
    await tx.execute(sql`select pg_notify(${NOTIFY_SETTINGS}, ${stage.name})`);
    return saved;
  });
}

/** Saved versions of a stage's settings, newest first. */
export async function stageSettingsHistory(db: Executor, stageName: string): Promise<StageSettingsVersionRow[]> {
  return db
    .select()
    .from(stageSettingsVersions)
    .where(eq(stageSettingsVersions.stage, stageName))
    .orderBy(desc(stageSettingsVersions.version));
}
