import { parentPort } from "node:worker_threads";
import { stageNamed } from "../stages/index";

export interface ComputeRequest {
  stage: string;
  input: unknown;
  params: unknown;
}
export type ComputeReply = { rows: unknown[] } | { error: string };

// One request at a time: the pool only sends the next one after the reply.
parentPort!.on("message", (request: ComputeRequest) => {
  let reply: ComputeReply;
  try {
    reply = { rows: stageNamed(request.stage).run(request.input, request.params) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
