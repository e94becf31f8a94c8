import { Worker } from "node:worker_threads";
import type { ComputeReply, ComputeRequest } from "./compute-thread";

/** The computation ran past the stage's time limit and was stopped. */
export class TimeLimitError extends Error {}

/** The stage's computation threw: an input error, recorded on the run without retrying. */
export class ComputeError extends Error {}

const BOOT = new URL("./compute-thread-boot.mjs", import.meta.url);
const ENTRY = new URL("./compute-thread.ts", import.meta.url).href;

/**
 * Stage computations run in worker threads: a CPU-bound run on the main thread would stall the
 * worker's heartbeat and graphile-worker's own bookkeeping, and only a thread can be stopped when
 * it exceeds the time limit. Threads are reused (starting one costs a second or two of loading).
 */
export class ComputePool {
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private closed = false;

  async run(request: ComputeRequest, timeLimitMs: number): Promise<unknown[]> {
    if (this.closed) throw new Error("compute pool is closed");
    const worker = this.idle.pop() ?? (await this.spawn());
    return new Promise<unknown[]>((resolve, reject) => {
      const done = (settle: () => void, reusable: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (reusable && !this.closed) this.idle.push(worker);
        else void this.discard(worker);
        settle();
      };
      const onMessage = (reply: ComputeReply) =>
        done(() => ("error" in reply ? reject(new ComputeError(reply.error)) : resolve(reply.rows)), true);
      const onError = (e: Error) => done(() => reject(new ComputeError(e.message)), false);
      const onExit = (code: number) => done(() => reject(new Error(`compute thread exited with code ${code}`)), false);
      const timer = setTimeout(
        () => done(() => reject(new TimeLimitError(`time limit of ${timeLimitMs / 1000} s exceeded`)), false),
        timeLimitMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(request);
    });
  }

  private spawn(): Promise<Worker> {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    // An idle thread must not keep a finished process alive.
    worker.unref();
    this.all.add(worker);
    return new Promise((resolve, reject) => {
      worker.once("message", () => resolve(worker));
      worker.once("error", (e) => {
        this.all.delete(worker);
        reject(e);
      });
    });
  }

  private async discard(worker: Worker): Promise<void> {
    this.all.delete(worker);
    this.idle = this.idle.filter((w) => w !== worker);
    await worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => this.discard(w)));
  }
}

let shared: ComputePool | undefined;
let users = 0;

/** The process-wide pool that stage tasks use (several pipelines in one process share it). */
export function sharedComputePool(): ComputePool {
  shared ??= new ComputePool();
  return shared;
}

/** Marks one more user of the shared pool (a running pipeline); release it when stopping. */
export function acquireComputePool(): void {
  users++;
}

/** Closes the shared pool's threads once its last user has released it. */
export async function releaseComputePool(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
