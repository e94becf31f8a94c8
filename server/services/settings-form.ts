/** What the settings page needs to edit one stage: its current settings and the choices it may make. */
import { getTableName } from "drizzle-orm";
import type { Database } from "../../db/client";
import { OPS_BY_KIND, kindOf, scalarKind, type CriterionOp, type Kind } from "../../workers/engine/criteria";
import { rankingsFor } from "../../workers/engine/rankings";
import { readStageSettings } from "../../workers/engine/settings";
import { paramFields } from "./settings-param-fields";
import { engineStage } from "./stage-catalogue";

export interface CriteriaColumn {
  name: string;
  /** The table it belongs to: the input or an upstream table joined to it. */
  table: string;
  kind: Kind;
  /** The kind of one value: the column's own, or its elements' for an array column. */
  valueKind: Exclude<Kind, "array">;
  ops: CriterionOp[];
}

export async function stageSettingsForm(db: Database, stageName: string) {
  const stage = engineStage(stageName);
  const settings = await readStageSettings(db, stage);
  const columns: CriteriaColumn[] = Object.entries(stage.criteriaColumns).map(([name, column]) => {
    const kind = kindOf(column);
    return { name, table: getTableName(column.table), kind, valueKind: scalarKind(column), ops: OPS_BY_KIND[kind] };
  });
  return {
    stage: stage.name,
    settings,
    defaults: { ...stage.defaults, params: stage.params.parse(stage.defaults.params) as Record<string, unknown> },
    columns,
    params: paramFields(stage),
    rankings: rankingsFor(stage),
  };
}

export type StageSettingsForm = Awaited<ReturnType<typeof stageSettingsForm>>;
