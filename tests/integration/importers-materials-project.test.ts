import { beforeAll, describe, expect, it } from "vitest";
import { MP_SUMMARY_FIELDS } from "../../lib/sources/materials-project";
import { caF2, fe3O4, k2NiF4, kMgF3 } from "../../lib/structure/reference-crystals";
import { importFromMaterialsProject } from "../../server/services/importers/materials-project";
import { describeCounts } from "../../server/services/importers/import-counts";
import { importOutcomes } from "../../server/services/importers/import-outcomes";
import { IMPORT_PROGRESS_TABLE_SQL, pgProgressStore } from "../../server/services/importers/progress-store";
import { startFakeMaterialsProject, type FakeMpDocument } from "../fake-servers/materials-project";
import type { FakeServer } from "../fake-servers/http-fake";
import { waitForImport } from "../helpers/wait-for-import";
import { library, originShifted, progressLog, pymatgenDict, recordingSleep, startWorkerWithFluorite, useImportTestDatabase } from "./importers-fixtures";

const API_KEY = "test-key-123";

const doc = (id: string, structure: ReturnType<typeof caF2>, energyPerAtom: number, extra: Partial<FakeMpDocument> = {}): FakeMpDocument => ({
  material_id: id,
  structure: pymatgenDict(structure),
  energy_per_atom: energyPerAtom,
  formation_energy_per_atom: -3.1,
  energy_above_hull: 0,
  nsites: structure.sites.length,
  ...extra,
});

/** A K(Mg,Ca)F3 perovskite with a mixed B site: disordered, so not importable. */
function disorderedPerovskite(): FakeMpDocument {
  const d = doc("mp-907", kMgF3(), -4.2);
  const sites = (d.structure as { sites: { species: unknown[] }[] }).sites;
  const mg = sites.findIndex((s) => JSON.stringify(s.species).includes('"Mg"'));
  sites[mg].species = [
    { element: "Mg", occu: 0.5 },
    { element: "Ca", occu: 0.5 },
  ];
  return d;
}

// Served in this order; the fake applies the elements=F filter (Fe3O4 is left out by it).
const documents: FakeMpDocument[] = [
  doc("mp-682", library("NaF-rocksalt"), -4.85),
  doc("mp-2741", originShifted(caF2()), -5.12),
  doc("mp-1041", fe3O4(), -6.9),
  doc("mp-463", library("KF-rocksalt"), -4.5),
  doc("mp-1249", library("MgF2-rutile"), -5.0),
  disorderedPerovskite(),
  // A structure without its lattice: malformed.
  { ...doc("mp-999", kMgF3(), -4.0), structure: { ...pymatgenDict(kMgF3()), lattice: undefined } },
  doc("mp-3448", kMgF3(), -4.9, { energy_above_hull: 0.02 }),
  doc("mp-6063", k2NiF4(), -4.7),
  doc("mp-10694", library("ScF3-ReO3"), -6.1),
];
const F_DOCUMENTS = documents.filter((d) => d.material_id !== "mp-1041");

const ctx = useImportTestDatabase();
const servers: FakeServer[] = [];
ctx.cleanups.push(() => Promise.all(servers.map((s) => s.close())).then(() => undefined));
beforeAll(() => ctx.t.pool.query(IMPORT_PROGRESS_TABLE_SQL));

async function fakeServer(failures?: (skip: number) => { status: number; body: unknown; headers?: Record<string, string> }[]) {
  const s = await startFakeMaterialsProject({ documents, apiKey: API_KEY, failures });
  servers.push(s);
  return s;
}

describe("Materials Project import against a local fake of the summary API", () => {
  it("queues one job per usable material, retrying 429 (Retry-After) and 503, and skips what cannot be read", async () => {
    // The fluorite of the library is in the table before the import: the Materials Project's copy is a duplicate.
    await startWorkerWithFluorite(ctx);

    const server = await fakeServer((skip) => {
      if (skip === 0) return [{ status: 429, body: { detail: "Rate limit exceeded" }, headers: { "Retry-After": "2" } }];
      if (skip === 3) return [{ status: 503, body: { detail: "Service Unavailable" } }];
      if (skip === 6) return [{ status: 429, body: { detail: "Rate limit" }, headers: { "Retry-After": "1" } }, { status: 502, body: "Bad Gateway" }];
      return [];
    });
    const { delays, sleep } = recordingSleep();
    const progress = progressLog();
    const result = await importFromMaterialsProject({
      query: { elements: ["F"] },
      apiKey: API_KEY,
      baseUrl: server.url,
      pageSize: 3,
      pool: ctx.t.pool,
      onProgress: progress.onProgress,
      http: { sleep },
    });

    // 9 fluorine documents in pages of 3 (skip 0, 3, 6); the disordered and the broken one are skipped.
    expect(result.counts).toMatchObject({ fetched: 9, queued: 7, alreadyQueued: 0, skipped: 2, total: 9, pages: 3, retries: 4 });
    expect(result.counts.skipReasons).toEqual({ disordered: 1, "malformed structure": 1 });
    expect(result.finished).toBe(true);
    expect(describeCounts(result.counts)).toBe("9/9 fetched, 7 queued, 0 already queued, 2 skipped (1 disordered, 1 malformed structure)");
    // Retry-After is honoured (2 s, 1 s); a 5xx waits the base delay, doubling on its second failure in a row.
    expect(delays).toEqual([2000, 1000, 1000, 2000]);
    expect(progress.seen.map((c) => c.fetched)).toEqual([3, 6, 9]);

    const answered = server.requests.filter((r) => r.status === 200);
    expect(answered.map((r) => r.query.get("_skip"))).toEqual(["0", "3", "6"]);
    for (const r of server.requests) {
      expect(r.path).toBe("/materials/summary/");
      expect(r.headers["x-api-key"]).toBe(API_KEY);
      expect(r.query.get("elements")).toBe("F");
      expect(r.query.get("_fields")!.split(",").sort()).toEqual([...MP_SUMMARY_FIELDS].sort());
      expect(r.query.get("_limit")).toBe("3");
    }

    for (const key of result.inputKeys) await waitForImport(ctx.t.pool, key);
    const outcomes = await importOutcomes(result.inputKeys, ctx.t.pool);
    expect(outcomes).toEqual({ imported: 6, duplicate: 1, failed: 0, pending: 0, failures: {} });

    const rows = (await ctx.t.pool.query("select source, source_id, reduced_formula, nsites, final_energy, e_above_hull, formation_energy_per_atom from structures where source = 'mp' order by source_id")).rows;
    expect(rows.map((r) => r.source_id).sort()).toEqual(["mp-10694", "mp-1249", "mp-3448", "mp-463", "mp-6063", "mp-682"].sort());
    const kmgf3 = rows.find((r) => r.source_id === "mp-3448")!;
    // The primitive perovskite cell stores 5 atoms: final energy = −4.9 eV/atom × 5.
    expect(kmgf3.nsites).toBe(5);
    expect(kmgf3.final_energy).toBeCloseTo(-4.9 * 5, 10);
    expect(kmgf3.e_above_hull).toBeCloseTo(0.02, 12);
    expect(kmgf3.formation_energy_per_atom).toBeCloseTo(-3.1, 12);
    // The library's rock salt is an 8-atom conventional cell, stored as its 2-atom primitive cell.
    const naf = rows.find((r) => r.source_id === "mp-682")!;
    expect(naf.nsites).toBe(2);
    expect(naf.final_energy).toBeCloseTo(-4.85 * 2, 10);
    const fluorites = (await ctx.t.pool.query("select count(*)::int as n from structures where reduced_formula = 'CaF2'")).rows[0].n;
    expect(fluorites).toBe(1);
  });

  it("queues nothing new when the same query runs again", async () => {
    const server = await fakeServer();
    const result = await importFromMaterialsProject({ query: { elements: ["F"] }, apiKey: API_KEY, baseUrl: server.url, pageSize: 4, pool: ctx.t.pool });
    expect(result.counts).toMatchObject({ fetched: 9, queued: 0, alreadyQueued: 7, skipped: 2 });
  });

  it("passes the nsites and energy-above-hull filters and stops at maxEntries", async () => {
    const server = await fakeServer();
    const result = await importFromMaterialsProject({
      query: { elements: ["F"], nsitesMax: 8, energyAboveHullMax: 0.01 },
      apiKey: API_KEY,
      baseUrl: server.url,
      pageSize: 100,
      maxEntries: 2,
      pool: ctx.t.pool,
    });
    const q = server.requests[0].query;
    expect([q.get("nsites_max"), q.get("energy_above_hull_max"), q.get("_limit")]).toEqual(["8", "0.01", "2"]);
    expect(result.counts.fetched).toBe(2);
    expect(result.finished).toBe(false);
  });

  it("resumes an interrupted import at the page after the last one it finished", async () => {
    const server = await fakeServer();
    const store = pgProgressStore(ctx.t.pool);
    const query = { elements: ["F"], nsitesMax: 50 };
    const stop = new AbortController();
    const first = importFromMaterialsProject({
      query,
      apiKey: API_KEY,
      baseUrl: server.url,
      pageSize: 2,
      pool: ctx.t.pool,
      store,
      signal: stop.signal,
      // Interrupted (as by Ctrl-C) once the second page is done.
      onProgress: (c) => c.pages === 2 && stop.abort(new Error("interrupted")),
    });
    await expect(first).rejects.toThrow("interrupted");
    expect(server.requests.map((r) => r.query.get("_skip"))).toEqual(["0", "2"]);

    const second = await importFromMaterialsProject({ query, apiKey: API_KEY, baseUrl: server.url, pageSize: 2, pool: ctx.t.pool, store });
    expect(second.resumedFrom).toBe("4");
    expect(server.requests.map((r) => r.query.get("_skip"))).toEqual(["0", "2", "4", "6", "8"]);
    // Counts carry over from the interrupted run: every document fetched once.
    expect(second.counts).toMatchObject({ fetched: 9, pages: 5, skipped: 2 });
    expect(second.finished).toBe(true);

    // A finished import starts again from the first page next time.
    const third = await importFromMaterialsProject({ query, apiKey: API_KEY, baseUrl: server.url, pageSize: 5, pool: ctx.t.pool, store });
    expect(third.resumedFrom).toBeUndefined();
    expect(third.counts.fetched).toBe(9);
  });

  it("says what is wrong when the key is missing or refused, and gives up on a server that stays down", async () => {
    const server = await fakeServer((skip) => (skip === 0 ? Array(10).fill({ status: 500, body: { detail: "boom" } }) : []));
    const saved = process.env.MP_API_KEY;
    delete process.env.MP_API_KEY;
    try {
      await expect(importFromMaterialsProject({ query: { elements: ["F"] }, baseUrl: server.url, pool: ctx.t.pool })).rejects.toThrow(/MP_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.MP_API_KEY = saved;
    }
    await expect(
      importFromMaterialsProject({ query: { elements: ["F"] }, apiKey: "wrong", baseUrl: server.url, pool: ctx.t.pool }),
    ).rejects.toThrow(/refused the API key \(401\)/);
    const { delays, sleep } = recordingSleep();
    await expect(
      importFromMaterialsProject({ query: { elements: ["F"] }, apiKey: API_KEY, baseUrl: server.url, pool: ctx.t.pool, http: { sleep } }),
    ).rejects.toThrow(/answered 500: boom \(gave up after 6 attempts\)/);
    // Capped exponential: 1, 2, 4, 8, 16 s.
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
  });
});
