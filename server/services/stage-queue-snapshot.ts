/**
 * The queues page's counts served from a snapshot, so a request costs one small query however large
 * the tables are. Counting every stage takes a second at 100,000 pathways; the page asks every two
 * seconds. So the server keeps the last count (with its time, shown as "counted N s ago") and:
 *
 * - counts again in the background when a request finds it older than REFRESH_MS (or twice
 *   the last count's duration, if longer), one count at a time: while the page is watched, the
 *   numbers are a few seconds old at most; nobody watching, nothing is counted;
 * - makes the request wait for a new count only when there is no count to serve: the first request,
 *   a count older than MAX_SERVED_AGE_MS (nobody watched for a while), a stage's settings changed
 *   since (any process: the settings page, the queues page's controls, auto-broaden), runs changed
 *   through this server (invalidateStageQueues), or the caller asks for `fresh` numbers.
 */
import type { Database } from "../../db/client";
import { stageSettings } from "../../db/schema/index";
import { countStageQueues, type StageQueue } from "./stage-queue-counts";

export const REFRESH_MS = 3_000;
export const MAX_SERVED_AGE_MS = 60_000;

interface Snapshot {
  queues: StageQueue[];
  /** Which count this is: counts are numbered as they start. */
  seq: number;
  durationMs: number;
}

interface SnapshotState {
  snapshot?: Snapshot;
  inflight?: Promise<Snapshot>;
  /** Counts started so far. */
  started: number;
  /** Snapshots numbered below this are out of date (runs changed since they started). */
  validFrom: number;
}

// One state per database handle, kept on globalThis so Next.js bundles and dev reloads share it.
const stateKey = Symbol.for("hopscape.stageQueueSnapshots");
const states = ((globalThis as Record<symbol, WeakMap<Database, SnapshotState>>)[stateKey] ??= new WeakMap());

function stateOf(db: Database): SnapshotState {
  let state = states.get(db);
  if (!state) {
    state = { started: 0, validFrom: 0 };
    states.set(db, state);
  }
  return state;
}

/** Starts a count unless one is running (then that one is the answer: single flight). */
function recount(db: Database, state: SnapshotState): Promise<Snapshot> {
  if (state.inflight) return state.inflight;
  const seq = ++state.started;
  const t0 = performance.now();
  const inflight = countStageQueues(db)
    .then((queues) => {
      const snapshot = { queues, seq, durationMs: performance.now() - t0 };
      if (!state.snapshot || state.snapshot.seq < seq) state.snapshot = snapshot;
      return snapshot;
    })
    .finally(() => {
      if (state.inflight === inflight) state.inflight = undefined;
    });
  state.inflight = inflight;
  return inflight;
}

/** The latest snapshot that passes `ok`, counting once more if neither the snapshot nor the running count does. */
async function snapshotWhere(db: Database, state: SnapshotState, ok: (s: Snapshot) => boolean): Promise<Snapshot> {
  if (state.snapshot && ok(state.snapshot)) return state.snapshot;
  if (state.inflight) {
    const s = await state.inflight.catch(() => undefined);
    if (s && ok(s)) return s;
  }
  if (state.snapshot && ok(state.snapshot)) return state.snapshot;
  // Started after every check above failed, so it passes them (a later start, current settings).
  return recount(db, state);
}

/** Current settings version of each stage: a few rows, read on every request. */
async function settingsVersions(db: Database): Promise<Map<string, number>> {
  const rows = await db.select({ stage: stageSettings.stage, version: stageSettings.version }).from(stageSettings);
  return new Map(rows.map((r) => [r.stage, r.version]));
}

const settingsCurrent = (s: Snapshot, versions: Map<string, number>) =>
  s.queues.every((q) => !q.engine || !versions.has(q.stage) || (q.settingsVersion ?? 0) >= versions.get(q.stage)!);

export interface StageQueuesOptions {
  /** Count now rather than serve the snapshot (tests that change runs directly). */
  fresh?: boolean;
}

/** The queues page's numbers: the snapshot when it is still good to serve (see the top of this file). */
export async function stageQueues(db: Database, options: StageQueuesOptions = {}): Promise<StageQueue[]> {
  const state = stateOf(db);
  if (options.fresh) {
    const after = state.started;
    return (await snapshotWhere(db, state, (s) => s.seq > after)).queues;
  }
  const versions = await settingsVersions(db);
  const validFrom = state.validFrom;
  const now = Date.now();
  const snapshot = await snapshotWhere(
    db,
    state,
    (s) => s.seq >= validFrom && settingsCurrent(s, versions) && now - s.queues[0].countedAt.getTime() <= MAX_SERVED_AGE_MS,
  );
  const age = Date.now() - snapshot.queues[0].countedAt.getTime();
  if (!state.inflight && age >= Math.max(REFRESH_MS, 2 * snapshot.durationMs)) {
    recount(db, state).catch((e: unknown) => console.error(`[queues] counting in the background failed: ${e instanceof Error ? e.message : String(e)}`));
  }
  return snapshot.queues;
}

/**
 * Runs changed through this server (a retry, a move to the front): the next request waits for a
 * count started after now, so the page shows the change its user just made.
 */
export function invalidateStageQueues(db: Database): void {
  const state = stateOf(db);
  state.validFrom = state.started + 1;
}
