import { Worker } from "node:worker_threads";
import type { Structure } from "../lib/structure/structure";
import type { FixedWorkflowResult } from "./fixed-workflow";

const BOOT = new URL("../workers/engine/compute-thread-boot.mjs", import.meta.url);
const ENTRY = new URL("./fixed-workflow-thread.ts", import.meta.url).href;

/** The fixed workflow over `structures` on `threads` worker threads taking the next structure as they finish one. */
export async function runFixedThreads(structures: Structure[], threads: number): Promise<{ wallMs: number; results: FixedWorkflowResult[] }> {
  const workers = Array.from({ length: Math.min(threads, structures.length) }, () => new Worker(BOOT, { workerData: { entry: ENTRY } }));
  // Thread start-up (loading tsx and lib/) is not part of the workflow's time, as the pipeline's threads are warm too.
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
  const results: FixedWorkflowResult[] = new Array(structures.length);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    workers.map(async (w) => {
      while (next < structures.length) {
        const i = next++;
        results[i] = await new Promise<FixedWorkflowResult>((resolve, reject) => {
          w.once("message", resolve);
          w.once("error", reject);
          w.postMessage({ structure: structures[i] });
        });
      }
    }),
  );
  const wallMs = performance.now() - start;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallMs, results };
}
