import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { workers } from "../db/schema/index";

export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface WorkerRegistration {
  id: string;
  /**
   * Records an id graphile-worker locks this process's jobs with (`locked_by`), so that recovery can
   * force those jobs open once the process is dead. Resolves when it is written; asking again for the
   * same id waits for the same write.
   */
  addGraphileLockId(lockId: string): Promise<void>;
  /** Stops the heartbeat and marks the worker stopped. */
  unregister(): Promise<void>;
}

/**
 * Adds this process to the workers table and keeps its last_heartbeat fresh, so that runs claimed by
 * a worker that died (no heartbeat for a while) can be told from runs that are merely slow. Every
 * heartbeat also writes back the graphile-worker lock ids: recovery empties them when it takes the
 * worker for dead, and a worker that was only silent for a while (e.g. while the database restarted)
 * gets them on record again.
 */
export async function registerWorker(db: Database, stages: string[], heartbeatMs = DEFAULT_HEARTBEAT_MS): Promise<WorkerRegistration> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  await db.insert(workers).values({ id, host: os.hostname(), pid: process.pid, stages });
  // Each lock id of this process, with its first write.
  const lockIdWrites = new Map<string, Promise<void>>();
  // The ids on record plus those of this process: a union, so writes may land in any order.
  const withLockIds = (ids: string[]) => sql`array(select unnest(${workers.graphileLockIds}) union select unnest(cast(${sql.param(ids)} as text[])))`;
  const beat = () =>
    db
      .update(workers)
      .set({ lastHeartbeat: sql`now()`, graphileLockIds: withLockIds([...lockIdWrites.keys()]) })
      .where(eq(workers.id, id))
      .catch((e: Error) => console.error(`[worker] heartbeat failed: ${e.message}`));
  const timer = setInterval(beat, heartbeatMs);
  // The heartbeat alone must not keep the process alive.
  timer.unref();
  return {
    id,
    addGraphileLockId(lockId) {
      let written = lockIdWrites.get(lockId);
      if (!written) {
        // In the map from now on, so that the next heartbeat writes it too should this write fail.
        written = db
          .update(workers)
          .set({ graphileLockIds: withLockIds([...lockIdWrites.keys(), lockId]) })
          .where(eq(workers.id, id))
          .then(() => undefined);
        lockIdWrites.set(lockId, written);
      }
      return written;
    },
    async unregister() {
      clearInterval(timer);
      await db.update(workers).set({ stoppedAt: sql`now()`, lastHeartbeat: sql`now()` }).where(eq(workers.id, id));
    },
  };
}
