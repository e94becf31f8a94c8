/** How many inputs proposed criteria would make eligible, against the number eligible now. */
import type { Database } from "../../db/client";
import type { CriterionSetting } from "../../db/schema/index";
import { eligibleCondition } from "../../workers/engine/eligibility";
import { readStageSettings } from "../../workers/engine/settings";
import { engineStage } from "./stage-catalogue";
import { countInputs } from "./stage-queue-counts";

export interface EligiblePreview {
  current: number;
  proposed: number;
  /** proposed − current: more (positive) or fewer (negative) than now. */
  difference: number;
}

/**
 * Counts with the engine's own eligibility SQL (criteria compiled with bound values, no result and
 * no run in flight), so the number is what the feeder would find. `params` resolves { param }
 * values in the proposed criteria; default the stage's current params.
 */
export async function previewEligibleCount(
  db: Database,
  stageName: string,
  criteria: CriterionSetting[],
  params?: Record<string, unknown>,
): Promise<EligiblePreview> {
  const stage = engineStage(stageName);
  const settings = await readStageSettings(db, stage);
  const [current, proposed] = await Promise.all([
    countInputs(db, stage, eligibleCondition(stage, settings.criteria, settings.params)),
    countInputs(db, stage, eligibleCondition(stage, criteria, params ?? settings.params)),
  ]);
  return { current, proposed, difference: proposed - current };
}
