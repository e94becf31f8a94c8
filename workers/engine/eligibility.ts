import { sql, type SQL } from "drizzle-orm";
import type { CriterionSetting, PrioritySetting } from "../../db/schema/index";
import { compileCriteria, compilePriority } from "./criteria";
import type { AnyStage } from "./define-stage";
import { rankingResolver } from "./rankings";

// The input's run (at most one per stage and input), joined by inputsWhere for the conditions and the order below.
const run = sql.identifier("hopscape_input_run");

/**
 * The stage's inputs joined with their upstream tables and their run of the stage, with a condition:
 * `from … join … where …`. Inputs missing a joined row (e.g. a pathway not yet measured) are not
 * inputs yet. The run is one join rather than a subquery per input, so that a claim costs one pass
 * over the inputs however many of them wait.
 */
export function inputsWhere(stage: AnyStage, condition: SQL): SQL {
  const { table, key, join = [] } = stage.input;
  const joins = join.map((j) => sql` join ${j.table} on ${j.on}`);
  return sql`from ${table}${sql.join(joins, sql``)}
    left join stage_runs ${run} on ${run}.stage = ${stage.name} and ${run}.input_key = ${key}::text
   where ${condition}`;
}

/**
 * Not yet done and not being done: either the input's run was reopened (pending), or it has no run
 * and no result rows (so pruned runs are not recomputed). Needs inputsWhere's join.
 */
export function awaitingRun(stage: AnyStage): SQL {
  const { key } = stage.input;
  return sql`(${run}.status = 'pending'
          or (${run}.status is null
              and not exists (select 1 from ${stage.output.table} where ${stage.output.key} = ${key})))`;
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
  // Only pending runs are eligible, so a run's front_at here is a pending run's.
  const front = sql`${run}.front_at desc nulls last`;
  return [front, ...compilePriority(priority, stage.criteriaColumns, rankingResolver(stage)), sql`${key} asc`];
}
