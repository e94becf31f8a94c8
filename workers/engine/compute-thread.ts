import { parentPort } from "node:worker_threads";
import { stageNamed } from "../stages/index";
import type { AnyStage } from "./define-stage";

export interface ComputeRequest {
  stage: string;
  /** The module exporting the stage's declaration when it is not in workers/stages (see StageDeclaration.module). */
  module?: string;
  input: unknown;
  params: unknown;
}
export type ComputeReply = { rows: unknown[] } | { error: string };

/**
 * Declarations found in a request's module, by module and name: a dynamic import() of a module already
 * loaded still passes through tsx's resolve hook, which runs on the loader's own thread (a round trip
 * per job, more than a no-op computation costs).
 */
const fromModules = new Map<string, AnyStage>();

/** The declaration named in the request: from the stage list, or from the module the request names. */
async function stageOf(request: ComputeRequest): Promise<AnyStage> {
  if (request.module === undefined) return stageNamed(request.stage);
  const cacheKey = `${request.module}#${request.stage}`;
  const cached = fromModules.get(cacheKey);
  if (cached) return cached;
  const exported = Object.values((await import(request.module)) as Record<string, unknown>);
  const stage = exported.find((e): e is AnyStage => (e as AnyStage | null)?.name === request.stage && typeof (e as AnyStage).run === "function");
  if (!stage) throw new Error(`${request.module} exports no stage "${request.stage}"`);
  fromModules.set(cacheKey, stage);
  return stage;
}

// One request at a time: the pool only sends the next one after the reply.
parentPort!.on("message", async (request: ComputeRequest) => {
  let reply: ComputeReply;
  try {
    reply = { rows: (await stageOf(request)).run(request.input, request.params) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
