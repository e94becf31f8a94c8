/**
 * The stages the queues and settings pages show. The engine's stage declarations are imported one
 * by one rather than through workers/stages/index.ts, which also brings in the job task and its
 * worker-thread pool: code the web server must not bundle. tests/integration/queues-counts.test.ts
 * checks that this list and the engine's STAGES agree.
 */
import { z } from "zod";
import { IMPORT_STRUCTURE_TASK, STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import { stageTaskIdentifier, type AnyStage } from "../../workers/engine/define-stage";
import { barriersStage } from "../../workers/stages/barriers";
import { dftStage } from "../../workers/stages/dft";
import { measuresStage } from "../../workers/stages/measures";
import { pathwaysStage } from "../../workers/stages/pathways";
import { percolationStage } from "../../workers/stages/percolation";

/** Engine stages in pipeline order. */
export const ENGINE_STAGES: readonly AnyStage[] = [pathwaysStage, measuresStage, barriersStage, percolationStage, dftStage];
export const ENGINE_STAGE_NAMES = ENGINE_STAGES.map((s) => s.name) as [string, ...string[]];
/** Every stage with runs in stage_runs: the import stage first. */
export const QUEUE_STAGE_NAMES = [STRUCTURES_STAGE, ...ENGINE_STAGE_NAMES] as [string, ...string[]];

export const engineStageName = z.enum(ENGINE_STAGE_NAMES);
export const queueStageName = z.enum(QUEUE_STAGE_NAMES);

export function engineStage(name: string): AnyStage {
  const stage = ENGINE_STAGES.find((s) => s.name === name);
  if (!stage) throw new Error(`unknown stage "${name}"; stages: ${ENGINE_STAGE_NAMES.join(", ")}`);
  return stage;
}

/** The graphile-worker task a worker runs for the stage (workers.stages lists these). */
export const stageTask = (name: string) => (name === STRUCTURES_STAGE ? IMPORT_STRUCTURE_TASK : stageTaskIdentifier(name));
