import { describe, expect, it } from "vitest";
import { importProgress, structures } from "../../db/schema/index";
import { startWorkerRunner } from "../../workers/runner";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startFakeMaterialsProject } from "../fake-servers/materials-project";
import { fluorideDocuments } from "./import-source-fixtures";
import { useImportTestDatabase } from "./importers-fixtures";

const ctx = useImportTestDatabase();
const BIN = fileURLToPath(new URL("../../bin/hopscape.mjs", import.meta.url));

/** The real command in a child process, without blocking this one: the fake server answers from here. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
const API_KEY = "cli-test-key";

describe("hopscape import", () => {
  it("imports from the Materials Project with a progress bar, and a worker turns the jobs into structures", async () => {
    const documents = fluorideDocuments();
    const mp = await startFakeMaterialsProject({ documents, apiKey: API_KEY });
    ctx.cleanups.push(() => mp.close());
    const env = { DATABASE_URL: ctx.t.url, MP_API_KEY: API_KEY, MP_API_BASE_URL: mp.url };
    const maxSites = 6;
    const wanted = documents.filter((d) => (d.nsites ?? 0) <= maxSites);
    expect(wanted.length).toBeGreaterThan(1);
    expect(wanted.length).toBeLessThan(documents.length);

    const r = await runCli(["import", "mp", "--elements", "F", "--max-sites", String(maxSites), "--page-size", "2"], env);
    expect(r.stderr).toContain(`${wanted.length}/${wanted.length} entries`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${wanted.length}/${wanted.length} fetched, ${wanted.length} queued`);
    // The query the fake server saw carries the options.
    expect(mp.requests[0].query.get("nsites_max")).toBe(String(maxSites));
    expect(mp.requests[0].headers["x-api-key"]).toBe(API_KEY);

    const [row] = await ctx.t.db.select().from(importProgress);
    expect(row).toMatchObject({ source: "mp", status: "done", cursor: null, error: null });
    expect(JSON.stringify(row.request)).not.toContain(API_KEY);

    ctx.worker = await startWorkerRunner({ pgPool: ctx.t.pool, concurrency: 2 });
    const deadline = Date.now() + 30_000;
    let rows: { sourceId: string | null }[] = [];
    while (Date.now() < deadline) {
      rows = await ctx.t.db.select({ sourceId: structures.sourceId }).from(structures);
      if (rows.length >= wanted.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((x) => x.sourceId).sort()).toEqual(wanted.map((d) => d.material_id).sort());

    // The same command again queues nothing new.
    const again = await runCli(["import", "mp", "--elements", "F", "--max-sites", String(maxSites), "--page-size", "2"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 queued, ${wanted.length} already queued`);
  });

  it("says how to give the API key when MP_API_KEY is not set", async () => {
    const r = await runCli(["import", "mp"], { DATABASE_URL: ctx.t.url, MP_API_KEY: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no Materials Project API key: set MP_API_KEY/);
  });

  it("refuses options that belong to the other source", async () => {
    const r = await runCli(["import", "mp", "--filter", "nsites<5"], { DATABASE_URL: ctx.t.url, MP_API_KEY: API_KEY });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--filter is for OPTIMADE/);
  });
});
