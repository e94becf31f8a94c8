import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { transaction } from "../../db/transaction";
import { applyNextBroadenStep, hasFinishedRuns } from "./auto-broaden";
import { claimInputs, countInFlight, withdrawQueued } from "./claim";
import type { AnyStage } from "./define-stage";
import { recoverStage, type Recovered, type RecoveryOptions } from "./recovery";
import { readStageSettings } from "./settings";

export interface FeedReport {
  stage: string;
  /** Another feeder held the stage's lock this tick: nothing was done. */
  busy: boolean;
  paused: boolean;
  inFlight: number;
  claimed: string[];
  withdrawn: string[];
  recovered: Recovered;
  /** Set when auto-broaden applied a step this tick. */
  broadened?: string;
}

// Advisory lock namespace of feeders (the second key is the stage name's hash).
const FEEDER_LOCK_CLASS = 0x686f70; // "hop"

/**
 * One feeder tick for one stage, in one transaction under a per-stage advisory lock (so that two
 * feeders do not both fill the same free slots): recover lost runs, bring the jobs in flight to the
 * stage's concurrency (withdrawing queued jobs when paused or over it), and broaden when dry.
 * Settings are read fresh every tick, so a change applies on the next one.
 */
export async function feedStage(db: Database, stage: AnyStage, recovery: RecoveryOptions): Promise<FeedReport> {
  return transaction(db, async (tx) => {
    const report: FeedReport = {
      stage: stage.name,
      busy: false,
      paused: false,
      inFlight: 0,
      claimed: [],
      withdrawn: [],
      recovered: { requeued: [], failed: [] },
    };
    const { rows } = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${FEEDER_LOCK_CLASS}, hashtext(${stage.name})) as locked`,
    );
    if (!rows[0].locked) return { ...report, busy: true };

    const settings = await readStageSettings(tx, stage);
    report.recovered = await recoverStage(tx, stage, settings, recovery);
    const inFlight = await countInFlight(tx, stage.name);
    report.paused = settings.paused;
    const target = settings.paused ? 0 : settings.concurrency;
    if (inFlight > target) report.withdrawn = await withdrawQueued(tx, stage.name, inFlight - target);
    else report.claimed = await claimInputs(tx, stage, settings, target - inFlight);
    report.inFlight = inFlight - report.withdrawn.length + report.claimed.length;

    if (target > 0 && report.inFlight === 0 && (await hasFinishedRuns(tx, stage.name))) {
      report.broadened = await applyNextBroadenStep(tx, stage, settings);
    }
    return report;
  });
}
