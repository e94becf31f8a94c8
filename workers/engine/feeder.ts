import type pg from "pg";
import { createDb } from "../../db/client";
import { getTableName } from "drizzle-orm";
import { errorMessage } from "../permanent-errors";
import type { AnyStage } from "./define-stage";
import { feedStage, type FeedReport } from "./feed-stage";
import { NOTIFY_INPUTS, NOTIFY_RUN_FINISHED, NOTIFY_SETTINGS } from "./notify";
import { ensureStageSettings } from "./settings";
import type { RecoveryOptions } from "./recovery";

export interface FeederOptions {
  pool: pg.Pool;
  stages: AnyStage[];
  /** Timer between ticks when no notification arrives (ms). */
  tickMs?: number;
  /** Recovery thresholds; defaults suit the worker heartbeat of 15 s. */
  recovery?: Partial<RecoveryOptions>;
  onReport?: (report: FeedReport) => void;
}

export interface Feeder {
  /** Runs one tick now (waiting for a running one first) and returns what it did. */
  tick(): Promise<FeedReport[]>;
  stop(): Promise<void>;
}

export const DEFAULT_TICK_MS = 2000;
export const DEFAULT_RECOVERY: RecoveryOptions = { staleWorkerMs: 60_000, overrunGraceMs: 60_000 };

/**
 * Keeps each stage's jobs in flight at its concurrency ("steady flow"): ticks on a timer, and early
 * when new input is written, a run finishes or settings change (LISTEN/NOTIFY). Ticks never overlap;
 * a request during a tick runs one more tick after it.
 */
export async function startFeeder(options: FeederOptions): Promise<Feeder> {
  const { pool, stages } = options;
  const db = createDb(pool);
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const recovery = { ...DEFAULT_RECOVERY, ...options.recovery };
  for (const stage of stages) await ensureStageSettings(db, stage);

  // A row in a joined table can make input eligible too (e.g. a pathway once its measures exist).
  const inputTables = new Set(stages.flatMap((s) => [s.input.table, ...(s.input.join ?? []).map((j) => j.table)]).map(getTableName));
  const names = new Set(stages.map((s) => s.name));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<FeedReport[]> | undefined;
  let again = false;

  const runTick = async (): Promise<FeedReport[]> => {
    const reports: FeedReport[] = [];
    for (const stage of stages) {
      try {
        const report = await feedStage(db, stage, recovery);
        reports.push(report);
        options.onReport?.(report);
        // A broadened stage has reopened input: feed it now rather than on the next timer.
        if (report.broadened) again = true;
      } catch (e) {
        if (!stopped) console.error(`[feeder] ${stage.name}: ${errorMessage(e)}`);
      }
    }
    return reports;
  };

  // A tick asked for during another follows it after a pause as long as that tick took (at most the
  // timer's interval): while runs keep finishing, each with its NOTIFY, the feeder spends at most half
  // its time feeding, and one tick claims the slots that many runs freed instead of one tick per run.
  let lastTickMs = 0;
  const startTick = (pauseMs = 0): Promise<FeedReport[]> => {
    clearTimeout(timer);
    const pause = pauseMs > 0 ? new Promise((r) => setTimeout(r, Math.min(pauseMs, tickMs))) : Promise.resolve();
    current = pause
      .then(async () => {
        if (stopped) return [];
        const started = performance.now();
        const reports = await runTick();
        lastTickMs = performance.now() - started;
        return reports;
      })
      .finally(() => {
        current = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          void startTick(lastTickMs);
        } else {
          timer = setTimeout(() => void startTick(), tickMs);
        }
      });
    return current;
  };
  const tick = async (): Promise<FeedReport[]> => {
    while (current) await current.catch(() => undefined);
    return startTick();
  };

  // A process running only the import stage needs no feeder (nor a connection held for LISTEN).
  if (stages.length === 0) return { tick: async () => [], stop: async () => undefined };
  const listener = await pool.connect();
  const onNotification = (msg: pg.Notification) => {
    const relevant =
      msg.channel === NOTIFY_INPUTS ? inputTables.has(msg.payload ?? "") : names.has(msg.payload ?? "");
    if (!relevant || stopped) return;
    if (current) again = true;
    else void startTick();
  };
  listener.on("notification", onNotification);
  for (const channel of [NOTIFY_INPUTS, NOTIFY_RUN_FINISHED, NOTIFY_SETTINGS]) await listener.query(`listen ${channel}`);
  void startTick();

  return {
    tick,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      listener.off("notification", onNotification);
      await current?.catch(() => undefined);
      await listener.query("unlisten *").catch(() => undefined);
      listener.release();
    },
  };
}
