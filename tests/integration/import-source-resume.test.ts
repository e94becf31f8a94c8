import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importProgress, structures } from "../../db/schema/index";
import { importOutcomes } from "../../server/services/importers/import-outcomes";
import { importKeyOf } from "../../server/services/importers/import-request";
import { queueSourceImport } from "../../server/services/importers/source-imports";
import { startWorkerRunner } from "../../workers/runner";
import { startFakeMaterialsProject } from "../fake-servers/materials-project";
import { fluorideDocuments, startGateProxy } from "./import-source-fixtures";
import { useImportTestDatabase } from "./importers-fixtures";

const ctx = useImportTestDatabase();
const API_KEY = "resume-test-key";

async function waitFor<T>(what: string, read: () => Promise<T>, done: (x: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const x = await read();
    if (done(x)) return x;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(x)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("import-source job", () => {
  it("stopped mid-import by its worker, is resumed by another from the page it was on", async () => {
    const documents = fluorideDocuments();
    const mp = await startFakeMaterialsProject({ documents, apiKey: API_KEY });
    const proxy = await startGateProxy(mp.url, (u) => u.searchParams.get("_skip") === "4");
    ctx.cleanups.push(() => proxy.close(), () => mp.close());
    // The worker reads both from its environment, as a deployed worker does.
    process.env.MP_API_KEY = API_KEY;
    process.env.MP_API_BASE_URL = proxy.url;

    const request = { source: "mp" as const, elements: ["F"], pageSize: 2 };
    const queued = await queueSourceImport(request, ctx.t.pool);
    expect(queued).toEqual({ key: importKeyOf(request), queued: true });
    // Asking again while it is queued queues nothing.
    expect((await queueSourceImport(request, ctx.t.pool)).queued).toBe(false);

    const progress = () => ctx.t.db.select().from(importProgress).where(eq(importProgress.key, queued.key)).then((r) => r[0]);
    const first = await startWorkerRunner({ pgPool: ctx.t.pool, concurrency: 2 });
    await proxy.held;
    const during = await progress();
    expect(during.status).toBe("running");
    expect(during.cursor).toBe("4");
    expect(during.counts).toMatchObject({ fetched: 4, queued: 4, total: 7 });

    await first.stop();
    const stopped = await progress();
    expect(stopped.status).toBe("queued");
    expect(stopped.error).toMatch(/interrupted/);
    expect(stopped.cursor).toBe("4");

    ctx.worker = await startWorkerRunner({ pgPool: ctx.t.pool, concurrency: 2 });
    const finished = await waitFor("import", progress, (p) => p.status === "done");
    expect(finished.error).toBeNull();
    expect(finished.cursor).toBeNull();
    expect(finished.counts).toMatchObject({ fetched: 7, queued: 7, alreadyQueued: 0, total: 7 });

    // Pages 0 and 2 were fetched once: the second worker started at skip 4.
    const skips = mp.requests.map((r) => r.query.get("_skip"));
    expect(skips).toEqual(["0", "2", "4", "6"]);
    const rows = await waitFor("structures", () => ctx.t.db.select({ id: structures.id }).from(structures), (r) => r.length === 7);
    expect(rows).toHaveLength(7);
    const { rows: runs } = await ctx.t.pool.query<{ input_key: string }>("select input_key from stage_runs where stage = 'structures'");
    expect(await importOutcomes(runs.map((r) => r.input_key), ctx.t.pool)).toMatchObject({ imported: 7, failed: 0, pending: 0 });
  }, 90_000);

  it("fails for good, saying why, when the Materials Project refuses the key", async () => {
    const mp = await startFakeMaterialsProject({ documents: fluorideDocuments(), apiKey: "another-key" });
    ctx.cleanups.push(() => mp.close());
    process.env.MP_API_KEY = API_KEY;
    process.env.MP_API_BASE_URL = mp.url;
    ctx.worker ??= await startWorkerRunner({ pgPool: ctx.t.pool, concurrency: 2 });
    const { key } = await queueSourceImport({ source: "mp", elements: ["F"], nsitesMax: 10 }, ctx.t.pool);
    const row = await waitFor(
      "failure",
      () => ctx.t.db.select().from(importProgress).where(eq(importProgress.key, key)).then((r) => r[0]),
      (p) => p.status === "failed",
    );
    expect(row.error).toMatch(/refused the API key \(401\)/);
    const { rows } = await ctx.t.pool.query("select attempts from graphile_worker.jobs where task_identifier = 'import-source'");
    expect(rows).toEqual([]);
  });
});
