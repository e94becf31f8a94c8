import { describe, expect, it } from "vitest";
import { OPTIMADE_DEFAULT_FILTER } from "../../lib/sources/optimade";
import { kMgF3 } from "../../lib/structure/reference-crystals";
import { importOutcomes } from "../../server/services/importers/import-outcomes";
import { importFromOptimade } from "../../server/services/importers/optimade";
import { memoryProgressStore } from "../../server/services/importers/progress-store";
import type { FakeServer } from "../fake-servers/http-fake";
import { startFakeOptimade, type FakeOptimadeEntry } from "../fake-servers/optimade";
import { waitForImport } from "../helpers/wait-for-import";
import { library, optimadeAttributes, originShifted, recordingSleep, startWorkerWithFluorite, useImportTestDatabase } from "./importers-fixtures";

const entry = (id: string, attributes: Record<string, unknown>): FakeOptimadeEntry => ({ id, attributes });
const withAttrs = (id: string, s: Parameters<typeof optimadeAttributes>[0], change: Record<string, unknown>) =>
  entry(id, { ...optimadeAttributes(s), ...change });

const rbKF = optimadeAttributes(library("KF-rocksalt"));
const entries: FakeOptimadeEntry[] = [
  entry("oqmd-1", optimadeAttributes(library("LiF-rocksalt"))),
  // (K,Rb)F solid solution, flagged as disorder.
  entry("oqmd-2", {
    ...rbKF,
    species: [{ name: "KRb", chemical_symbols: ["K", "Rb"], concentration: [0.5, 0.5] }, rbKF.species[1]],
    species_at_sites: rbKF.species_at_sites.map((n) => (n === "K" ? "KRb" : n)),
    structure_features: ["disorder"],
  }),
  // A partly occupied fluorine site that the provider did not flag.
  withAttrs("oqmd-3", library("NaF-rocksalt"), {
    species: [
      { name: "Na", chemical_symbols: ["Na"], concentration: [1] },
      { name: "F", chemical_symbols: ["F"], concentration: [0.9] },
    ],
  }),
  // A fluorine site shared with vacancies.
  withAttrs("oqmd-4", library("KF-rocksalt"), {
    species: [
      { name: "K", chemical_symbols: ["K"], concentration: [1] },
      { name: "F", chemical_symbols: ["F", "vacancy"], concentration: [0.8, 0.2] },
    ],
  }),
  withAttrs("oqmd-5", library("MgF2-rutile"), { structure_features: ["assemblies"] }),
  withAttrs("oqmd-6", library("ZnF2-rutile"), { lattice_vectors: undefined }),
  withAttrs("oqmd-7", library("CsF-rocksalt"), { species_at_sites: ["Cs"] }),
  entry("oqmd-8", optimadeAttributes(library("BaF2-fluorite"))),
  // Species named per site (F1, F2, F3) rather than by element.
  entry("oqmd-9", optimadeAttributes(kMgF3(), (el, i) => (el === "F" ? `F${i}` : el))),
  entry("oqmd-10", optimadeAttributes(originShifted(library("CaF2-fluorite")))),
  entry("oqmd-11", optimadeAttributes(library("ScF3-ReO3"))),
];

const ctx = useImportTestDatabase();
const servers: FakeServer[] = [];
ctx.cleanups.push(() => Promise.all(servers.map((s) => s.close())).then(() => undefined));

describe("OPTIMADE import against a local fake provider", () => {
  it("follows links.next, retries 429 and 503, and skips disordered and incomplete entries by reason", async () => {
    await startWorkerWithFluorite(ctx);

    const server = await startFakeOptimade({
      entries,
      nextAsObject: true,
      failures: (offset) =>
        offset === 4
          ? [{ status: 429, body: { errors: [{ status: "429", title: "Too Many Requests" }] }, headers: { "Retry-After": "3" } }]
          : offset === 8
            ? [{ status: 503, body: { errors: [{ status: "503", title: "Service Unavailable" }] } }]
            : [],
    });
    servers.push(server);
    const { delays, sleep } = recordingSleep();
    const result = await importFromOptimade({ providerUrl: server.url, pageLimit: 4, pool: ctx.t.pool, http: { sleep } });

    expect(result.counts).toMatchObject({ fetched: 11, queued: 5, skipped: 6, total: 11, pages: 3, retries: 2 });
    expect(result.counts.skipReasons).toEqual({ disordered: 3, assemblies: 1, "missing lattice": 1, "malformed structure": 1 });
    expect(result.skippedDetails).toContain("oqmd-3: species 'F' has concentration 0.9");
    expect(delays).toEqual([3000, 1000]);
    const answered = server.requests.filter((r) => r.status === 200);
    expect(answered.map((r) => r.query.get("page_offset"))).toEqual([null, "4", "8"]);
    expect(answered.every((r) => r.query.get("filter") === OPTIMADE_DEFAULT_FILTER)).toBe(true);

    for (const key of result.inputKeys) await waitForImport(ctx.t.pool, key);
    expect(await importOutcomes(result.inputKeys, ctx.t.pool)).toEqual({ imported: 4, duplicate: 1, failed: 0, pending: 0, failures: {} });
    const rows = (await ctx.t.pool.query("select source_id, reduced_formula from structures where source = 'optimade' order by source_id")).rows;
    expect(rows).toEqual(
      [
        { source_id: `${server.url}/v1/structures/oqmd-1`, reduced_formula: "LiF" },
        { source_id: `${server.url}/v1/structures/oqmd-11`, reduced_formula: "ScF3" },
        { source_id: `${server.url}/v1/structures/oqmd-8`, reduced_formula: "BaF2" },
        { source_id: `${server.url}/v1/structures/oqmd-9`, reduced_formula: "KMgF3" },
      ],
    );
  });

  it("sends the caller's filter and resumes from the saved next URL", async () => {
    // The provider of the first test, so that the entries are the same inputs (sourceId holds its URL).
    const server = servers[0];
    const before = server.requests.length;
    const store = memoryProgressStore();
    const filter = 'elements HAS ALL "F","K" AND nsites<=20';
    const stop = new AbortController();
    await expect(
      importFromOptimade({
        providerUrl: `${server.url}/v1`,
        filter,
        pageLimit: 5,
        pool: ctx.t.pool,
        store,
        signal: stop.signal,
        onProgress: () => stop.abort(new Error("stopped")),
      }),
    ).rejects.toThrow("stopped");
    const resumed = await importFromOptimade({ providerUrl: `${server.url}/v1/structures`, filter, pageLimit: 5, pool: ctx.t.pool, store });
    expect(resumed.resumedFrom).toContain("page_offset=5");
    const seen = server.requests.slice(before);
    expect(seen.map((r) => r.query.get("page_offset"))).toEqual([null, "5", "10"]);
    expect(seen.every((r) => r.query.get("filter") === filter)).toBe(true);
    // Everything usable was queued by the first test: this run queues nothing new.
    expect(resumed.counts).toMatchObject({ fetched: 11, queued: 0, alreadyQueued: 5, skipped: 6 });
  });

  it("reports a provider's error answer with its message", async () => {
    const server = await startFakeOptimade({
      entries,
      failures: () => [{ status: 400, body: { errors: [{ status: "400", title: "Bad Request", detail: "unknown property 'foo'" }] } }],
    });
    servers.push(server);
    await expect(importFromOptimade({ providerUrl: server.url, filter: "foo=1", pool: ctx.t.pool })).rejects.toThrow(
      /answered 400: Bad Request: unknown property 'foo'/,
    );
  });
});
