import { sql, type SQL } from "drizzle-orm";
import type { CriterionSetting, PrioritySetting } from "../../db/schema/index";
import { compileCriteria, compilePriority } from "./criteria";
import type { AnyStage } from "./define-stage";
import { rankingResolver } from "./rankings";

/**
 * The stage's inputs joined with their upstream tables, with a condition: `from … join … where …`.
 * Inputs missing a joined row (e.g. a pathway not yet measured) are not inputs yet.
 */
export function inputsWhere(stage: AnyStage, condition: SQL): SQL {
  const { table, join = [] } = stage.input;
  const joins = join.map((j) => sql` join ${j.table} on ${j.on}`);
  return sql`from ${table}${sql.join(joins, sql``)} where ${condition}`;
}

/**
 * Not yet done and not being done: either the input's run was reopened (pending), or it has no run
 * and no result rows (so pruned runs are not recomputed).
 */
export function awaitingRun(stage: AnyStage): SQL {
  const { key } = stage.input;
  return sql`not exists (
           select 1 from stage_runs r
            where r.stage = ${stage.name} and r.input_key = ${key}::text and r.status <> 'pending')
         and (not exists (select 1 from ${stage.output.table} where ${stage.output.key} = ${key})
              or exists (
                select 1 from stage_runs r
                 where r.stage = ${stage.name} and r.input_key = ${key}::text and r.status = 'pending'))`;
}

/** The condition a feeder claims by: the criteria hold and the input awaits its run. */
export function eligibleCondition(stage: AnyStage, criteria: CriterionSetting[], params: Record<string, unknown>): SQL {
  return sql`(${compileCriteria(criteria, stage.criteriaColumns, params)}) and ${awaitingRun(stage)}`;
}

/**
 * Inputs awaiting their run that the criteria keep out. A criterion on a null column is neither true
 * nor false; such an input is not eligible, so it counts as excluded.
 */
export function excludedCondition(stage: AnyStage, criteria: CriterionSetting[], params: Record<string, unknown>): SQL {
  return sql`not coalesce((${compileCriteria(criteria, stage.criteriaColumns, params)}), false) and ${awaitingRun(stage)}`;
}

/**
 * The claim order: inputs moved to the front (stage_runs.front_at, latest move first), then the
 * priority (columns and rankings), then the input key so the order is total.
 */
export function claimOrder(stage: AnyStage, priority: PrioritySetting[]): SQL[] {
  const { key } = stage.input;
  const front = sql`(select r.front_at from stage_runs r
                      where r.stage = ${stage.name} and r.input_key = ${key}::text and r.status = 'pending') desc nulls last`;
  return [front, ...compilePriority(priority, stage.criteriaColumns, rankingResolver(stage)), sql`${key} asc`];
}
