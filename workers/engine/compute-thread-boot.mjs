// Worker threads do not inherit tsx's loader, so the thread registers it before loading the
// TypeScript entry (the stage files and lib/ are TypeScript, run without a build step).
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
