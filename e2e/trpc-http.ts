/**
 * Reads tRPC queries over plain HTTP, as the browser's client does (GET /api/trpc/<path>,
 * superjson-encoded), so tests can check the server's numbers independently of the page.
 */
import type { APIRequestContext } from "@playwright/test";

export async function trpcQuery<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${path}${qs}`);
  if (!res.ok()) throw new Error(`${path}: HTTP ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { result: { data: { json: T } } };
  return body.result.data.json;
}

export const totalStructures = async (request: APIRequestContext) =>
  (await trpcQuery<{ total: number }>(request, "structures.counts")).total;

/** Waits until the imports queued at start-up (the built-in library) have all finished. */
export async function waitForImports(request: APIRequestContext, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await trpcQuery<{ inProgress: number; done: number }>(request, "submissions.importSummary");
    if (s.inProgress === 0 && s.done > 0) return;
    if (Date.now() > deadline) throw new Error(`imports still in progress after ${timeoutMs} ms: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
