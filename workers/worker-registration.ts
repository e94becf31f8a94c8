import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { workers } from "../db/schema/index";

export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface WorkerRegistration {
  id: string;
  /** Stops the heartbeat and marks the worker stopped. */
  unregister(): Promise<void>;
}

/**
 * Adds this process to the workers table and keeps its last_heartbeat fresh, so that runs claimed by
 * a worker that died (no heartbeat for a while) can be told from runs that are merely slow.
 */
export async function registerWorker(db: Database, stages: string[], heartbeatMs = DEFAULT_HEARTBEAT_MS): Promise<WorkerRegistration> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  await db.insert(workers).values({ id, host: os.hostname(), pid: process.pid, stages });
  const beat = () =>
    db
      .update(workers)
      .set({ lastHeartbeat: sql`now()` })
      .where(eq(workers.id, id))
      .catch((e: Error) => console.error(`[worker] heartbeat failed: ${e.message}`));
  const timer = setInterval(beat, heartbeatMs);
  // The heartbeat alone must not keep the process alive.
  timer.unref();
  return {
    id,
    async unregister() {
      clearInterval(timer);
      await db.update(workers).set({ stoppedAt: sql`now()`, lastHeartbeat: sql`now()` }).where(eq(workers.id, id));
    },
  };
}
