import type { TaskList } from "graphile-worker";
import { stageTask } from "../engine/stage-task";
import { stageTaskIdentifier, type AnyStage } from "../engine/define-stage";
import type { TaskContext } from "../task-context";
import { barriersStage } from "./barriers";
import { dftStage } from "./dft";
import { measuresStage } from "./measures";
import { pathwaysStage } from "./pathways";
import { percolationStage } from "./percolation";

/** Every stage the engine runs, in pipeline order. A new stage is one file here and one entry in this list. */
export const STAGES: readonly AnyStage[] = [pathwaysStage, measuresStage, barriersStage, percolationStage, dftStage];

export function stageNamed(name: string): AnyStage {
  const stage = STAGES.find((s) => s.name === name);
  if (!stage) throw new Error(`unknown stage "${name}"; stages: ${STAGES.map((s) => s.name).join(", ")}`);
  return stage;
}

/** The graphile-worker tasks of the stages (`stage:<name>`), for the runner's task list. */
export function createStageTasks(context: TaskContext, stages: readonly AnyStage[] = STAGES): TaskList {
  return Object.fromEntries(stages.map((s) => [stageTaskIdentifier(s.name), stageTask(s, context)]));
}
