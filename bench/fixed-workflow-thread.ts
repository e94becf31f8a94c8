/**
 * A worker thread of the fixed-workflow benchmark: analyses the structures it is sent, one at a time,
 * and replies with how long each took and what it computed. Loaded through
 * workers/engine/compute-thread-boot.mjs, which registers tsx in the thread first.
 */
import { parentPort } from "node:worker_threads";
import { fixedWorkflow, type FixedWorkflowRequest } from "./fixed-workflow";

parentPort!.on("message", (request: FixedWorkflowRequest) => {
  parentPort!.postMessage(fixedWorkflow(request));
});
// Loaded: the benchmark starts its clock only when every thread is ready.
parentPort!.postMessage({ ready: true });
