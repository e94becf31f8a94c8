import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { caF2, liF } from "../../lib/structure/reference-crystals";
import { saveStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { runCli } from "../cli/run-cli";
import { adminQuery, databaseUrlFor } from "../helpers/database-admin";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { dumpTables } from "./checkpoints-fixtures";
import { insertStructures } from "./engine-fixtures";

let t: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "hopscape-checkpoint-cli-"));
// A database nobody has migrated: restore must bring it up to date itself.
const rawName = `hopscape_test_${randomBytes(6).toString("hex")}`;
let rawUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const [id] = await insertStructures(t.db, [liF(), caF2()]);
  await saveStageSettings(t.db, pathwaysStage, { concurrency: 3 }, "=a note a spreadsheet would run");
  await t.pool.query("insert into stage_runs (stage, input_key, status, result, finished_at) values ('pathways', $1, 'done', '{\"ids\": []}', now())", [String(id)]);
  rawUrl = databaseUrlFor(inject("baseDatabaseUrl"), rawName);
  await adminQuery(inject("baseDatabaseUrl"), `create database ${rawName}`);
});
afterAll(async () => {
  await t?.drop();
  await adminQuery(inject("baseDatabaseUrl"), `drop database if exists ${rawName} with (force)`);
});

const cli = (args: string[], url = t.url) => runCli(args, { DATABASE_URL: url });

describe("hopscape checkpoint, reset", () => {
  it("creates, lists, exports and restores into a new database", async () => {
    const created = cli(["checkpoint", "create", "--name", "cli test"]);
    expect(created.stderr).not.toMatch(/error/i);
    expect(created.stdout).toMatch(/^checkpoint #1 "cli test": \d+ tables, \d+ rows/);
    expect(cli(["checkpoint", "list"]).stdout).toMatch(/#1 .* cli test .*\n\s+.*structures 2/);

    const zipFile = path.join(dir, "cp.zip");
    expect(cli(["checkpoint", "export", "1", "--out", zipFile]).code).toBe(0);
    const csvFile = path.join(dir, "settings.csv");
    expect(cli(["checkpoint", "export", "1", "--table", "stage_settings_versions", "--out", csvFile]).code).toBe(0);
    const csv = readFileSync(csvFile, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^id,stage,version,/);
    expect(csv).toContain(",'=a note a spreadsheet would run,");

    const refused = cli(["checkpoint", "restore", zipFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to restore into a database that is not empty: .*structures \(2 rows\)/);

    const restored = cli(["checkpoint", "restore", zipFile], rawUrl);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restored "cli test"/);
    const raw = new pg.Pool({ connectionString: rawUrl });
    try {
      const except = ["workers", "checkpoints", "maintenance_settings"];
      expect(await dumpTables(raw, except)).toEqual(await dumpTables(t.pool, except));
    } finally {
      await raw.end();
    }
  });

  it("reset refuses without --yes and while a worker is alive, then empties all but checkpoints", async () => {
    const asked = cli(["reset"]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("hopscape reset --yes");
    expect((await t.pool.query("select count(*)::int as n from structures")).rows[0].n).toBe(2);

    await t.pool.query("insert into workers (id, host, pid, stages) values ('alive', 'h', 1, '{}')");
    const busy = cli(["reset", "--yes"]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/workers are running \(alive/);

    // --force empties the data under a live worker but keeps its registration (the engine needs it).
    await t.pool.query("insert into workers (id, host, pid, stages, stopped_at) values ('stopped', 'h', 2, '{}', now())");
    expect(cli(["reset", "--yes", "--force"]).code).toBe(0);
    expect((await t.pool.query("select id from workers")).rows).toEqual([{ id: "alive" }]);
    expect((await t.pool.query("select count(*)::int as n from structures")).rows[0].n).toBe(0);

    await t.pool.query("update workers set stopped_at = now()");
    await t.pool.query("select graphile_worker.add_job('maintenance:prune', '{}'::json)");
    const reset = cli(["reset", "--yes"]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/deleted 1 jobs/);
    const tables = await dumpTables(t.pool, ["checkpoints"]);
    expect(Object.entries(tables).filter(([, rows]) => rows.length > 0)).toEqual([]);
    expect((await t.pool.query("select count(*)::int as n from graphile_worker.jobs")).rows[0].n).toBe(0);
    expect(cli(["checkpoint", "list"]).stdout).toContain("cli test");
  });
});
