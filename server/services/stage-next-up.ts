/** The inputs a stage's feeder would claim next, in its claim order (moved-to-front ones first). */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { claimOrder, eligibleCondition, inputsWhere } from "../../workers/engine/eligibility";
import { readStageSettings } from "../../workers/engine/settings";
import { engineStage } from "./stage-catalogue";
import { inputLabels } from "./stage-input-labels";

const SHOWN = 10;

export interface NextInput {
  inputKey: string;
  label: string | null;
  href: string | null;
  movedToFront: boolean;
}

export async function stageNextUp(db: Database, stageName: string): Promise<NextInput[]> {
  const stage = engineStage(stageName);
  const settings = await readStageSettings(db, stage);
  const { key } = stage.input;
  const { rows } = await db.execute<{ input_key: string; moved: boolean }>(sql`
    select ${key}::text as input_key,
           exists (select 1 from stage_runs r where r.stage = ${stage.name} and r.input_key = ${key}::text
                      and r.status = 'pending' and r.front_at is not null) as moved
      ${inputsWhere(stage, eligibleCondition(stage, settings.criteria, settings.params))}
     order by ${sql.join(claimOrder(stage, settings.priority), sql`, `)}
     limit ${SHOWN}`);
  const labels = await inputLabels(db, stage, rows.map((r) => r.input_key));
  return rows.map((r) => ({
    inputKey: r.input_key,
    label: labels.get(r.input_key)?.label ?? null,
    href: labels.get(r.input_key)?.href ?? null,
    movedToFront: r.moved,
  }));
}
