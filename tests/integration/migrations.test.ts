import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../db/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

describe("migrations", () => {
  it("create our tables and graphile-worker's schema", async () => {
    const tables = await t.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    // Later stages add their own tables; these are the ones every stage relies on.
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["stage_runs", "structures", "workers"]));
    const worker = await t.pool.query("select 1 from information_schema.schemata where schema_name = 'graphile_worker'");
    expect(worker.rowCount).toBe(1);
  });

  it("are idempotent: applying them again changes nothing", async () => {
    const count = async () =>
      Number((await t.pool.query("select count(*) as n from drizzle.__drizzle_migrations")).rows[0].n);
    expect(await count()).toBe(journal.entries.length);
    await migrateDatabase(t.pool);
    await migrateDatabase(t.pool);
    expect(await count()).toBe(journal.entries.length);
  });

  it("enforce the stage_runs status values and (stage, input_key) uniqueness", async () => {
    await expect(
      t.pool.query("insert into stage_runs (stage, input_key, status) values ('structures', 'k', 'bogus')"),
    ).rejects.toThrow(/stage_runs_status_check/);
    await t.pool.query("insert into stage_runs (stage, input_key) values ('structures', 'k')");
    await expect(t.pool.query("insert into stage_runs (stage, input_key) values ('structures', 'k')")).rejects.toThrow(
      /stage_runs_stage_input_key/,
    );
  });
});
