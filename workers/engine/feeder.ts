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
        // feedStage's transaction runs on a connection always given back (db/transaction.ts).
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
  const onNotification = (msg: pg.Notification) => {
    const relevant =
      msg.channel === NOTIFY_INPUTS ? inputTables.has(msg.payload ?? "") : names.has(msg.payload ?? "");
    if (!relevant || stopped) return;
    if (current) again = true;
    else void startTick();
  };

  // The LISTEN connection. When it breaks (e.g. the database restarts) it is replaced, with a growing
  // pause between tries; the timer keeps feeding meanwhile, and a tick follows the new LISTEN for
  // what was written while nobody listened.
  let listener: { client: pg.PoolClient; close(error?: Error): void } | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    let closed = false;
    const close = (error?: Error) => {
      if (closed) return;
      closed = true;
      client.off("notification", onNotification);
      client.off("error", onError);
      // An error makes the pool discard the connection instead of reusing it; a later error event
      // of the discarded connection must not go unheard (that would end the process).
      if (error) client.on("error", () => undefined);
      client.release(error);
    };
    const onError = (e: Error) => {
      const wasListening = listener?.client === client;
      close(e);
      if (!wasListening) return;
      listener = undefined;
      if (!stopped) {
        console.error(`[feeder] LISTEN connection lost: ${e.message}`);
        reconnectLater();
      }
    };
    client.on("error", onError);
    client.on("notification", onNotification);
    try {
      for (const channel of [NOTIFY_INPUTS, NOTIFY_RUN_FINISHED, NOTIFY_SETTINGS]) await client.query(`listen ${channel}`);
    } catch (e) {
      close(e as Error);
      throw e;
    }
    if (closed) throw new Error("the LISTEN connection broke while it was being set up");
    listener = { client, close };
  };
  const reconnectLater = () => {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      if (stopped) return;
      listen().then(
        () => {
          failures = 0;
          if (stopped) {
            listener?.close();
            listener = undefined;
            return;
          }
          if (current) again = true;
          else void startTick();
        },
        () => {
          failures++;
          reconnectLater();
        },
      );
    }, Math.min(5000, 250 * 2 ** failures));
  };
  await listen();
  void startTick();

  return {
    tick,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      clearTimeout(reconnectTimer);
      await current?.catch(() => undefined);
      const open = listener;
      listener = undefined;
      if (!open) return;
      open.client.off("notification", onNotification);
      const unlistened = await open.client.query("unlisten *").then(() => true, () => false);
      open.close(unlistened ? undefined : new Error("unlisten failed"));
    },
  };
}
