/** The queues page's controls: each a settings version (so the change is traced) or a change to runs. */
import type { Database } from "../../db/client";
import { moveToFront, retryFailed } from "../../workers/engine/run-controls";
import { readStageSettings, saveStageSettings } from "../../workers/engine/settings";
import { engineStage } from "./stage-catalogue";

export async function setStageConcurrency(db: Database, stageName: string, concurrency: number): Promise<number> {
  const stage = engineStage(stageName);
  const before = (await readStageSettings(db, stage)).concurrency;
  const saved = await saveStageSettings(db, stage, { concurrency }, `concurrency ${before} → ${concurrency} (queues page)`);
  return saved.concurrency;
}

export async function setStagePaused(db: Database, stageName: string, paused: boolean): Promise<boolean> {
  const saved = await saveStageSettings(db, engineStage(stageName), { paused }, paused ? "paused (queues page)" : "resumed (queues page)");
  return saved.paused;
}

/** Failed runs back to pending: one input's, or all of the stage's. Returns the input keys retried. */
export const retryFailedRuns = (db: Database, stageName: string, inputKey?: string) =>
  retryFailed(db, engineStage(stageName).name, inputKey);

/** Moves an input to the front of the stage's queue; false when it is not waiting for its run. */
export const moveInputToFront = (db: Database, stageName: string, inputKey: string) =>
  moveToFront(db, engineStage(stageName), inputKey);
