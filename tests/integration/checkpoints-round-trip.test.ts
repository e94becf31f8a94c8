import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckpoint } from "../../server/services/checkpoints/create-checkpoint";
import { checkpointTableCsv, checkpointZip, listCheckpoints } from "../../server/services/checkpoints/read-checkpoint";
import { restoreCheckpoint, RestoreRefused } from "../../server/services/checkpoints/restore-checkpoint";
import { resetDatabase } from "../../server/services/reset";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { dumpTables, runLibraryLiF } from "./checkpoints-fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await runLibraryLiF(t.pool);
  // Values a CSV could get wrong: formula starts, apostrophes, empty text next to null, separators,
  // line breaks, surrounding spaces, non-finite and negative doubles, JSON null next to SQL null.
  const tricky = ["=HYPERLINK(\"x\")", "'=quoted", "", " a,b ", "two\r\nlines", "-x", "@y", "'"];
  const [s] = (await t.pool.query("select * from structures limit 1")).rows;
  for (const [i, text] of tricky.entries()) {
    await t.pool.query(
      `insert into structures (source, source_id, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
         spacegroup_number, spacegroup_symbol, structure, final_energy, e_above_hull, fingerprint)
       values ('upload', $1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [text, s.formula, s.chemsys, [text, "F"], s.nsites, s.nelements, s.density, -0.1 / 3, s.spacegroup_number, s.spacegroup_symbol,
        { ...s.structure, note: text }, i === 0 ? "NaN" : i === 1 ? "-Infinity" : null, i === 2 ? -1e-300 : null, `tricky-${i}`],
    );
  }
  await t.pool.query(
    `insert into stage_settings_versions (stage, version, criteria, priority, concurrency, paused, params, auto_broaden, time_limit_seconds, note)
     values ('pathways', 99, '[]', '[]', 1, false, '{"x": 0.1000000000000000055511151231257827}', 'null'::jsonb, 5, '=1+1'),
            ('pathways', 100, '[]', '[]', 1, false, '{}', null, 5, '')`,
  );
});
afterAll(async () => {
  await t?.drop();
});

describe("checkpoints", () => {
  it("create, reset, restore gives identical tables, ids and sequences", async () => {
    const before = await dumpTables(t.pool);
    expect(before.barriers.length).toBeGreaterThan(0);
    const created = await createCheckpoint(t.pool, { name: "round trip" });
    expect(created.manifest.tables.map((x) => [x.name, x.rows])).toEqual(
      Object.entries(before)
        .filter(([name]) => name !== "maintenance_settings")
        .map(([name, rows]) => [name, rows.length])
        .sort(([a], [b]) => created.manifest.tables.findIndex((x) => x.name === a) - created.manifest.tables.findIndex((x) => x.name === b)),
    );
    // Referenced tables come before the tables referring to them.
    const order = created.manifest.tables.map((x) => x.name);
    expect(order.indexOf("structures")).toBeLessThan(order.indexOf("pathways"));
    expect(order.indexOf("pathways")).toBeLessThan(order.indexOf("barriers"));
    expect(created.manifest.schemaVersion.tag).toMatch(/^\d{4}_/);
    expect((await listCheckpoints(t.pool)).map((c) => c.name)).toEqual(["round trip"]);

    // The zip holds the manifest and one CSV per table; cells a spreadsheet would run are escaped.
    const stored = (await checkpointZip(t.pool, created.id))!;
    const files = unzipSync(stored.zip);
    expect(Object.keys(files).sort()).toEqual([...order.map((n) => `${n}.csv`), "manifest.json"].sort());
    expect(JSON.parse(strFromU8(files["manifest.json"]))).toEqual(created.manifest);
    const structuresCsv = (await checkpointTableCsv(t.pool, created.id, "structures"))!.csv;
    expect(structuresCsv).toContain(`'=HYPERLINK(""x"")`);
    expect(structuresCsv).toContain(`,''=quoted,`);
    expect(structuresCsv.split("\r\n")[0].split(",")[0]).toBe("id");

    const reset = await resetDatabase(t.pool);
    expect(reset.tables).not.toContain("checkpoints");
    const emptied = await dumpTables(t.pool);
    expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);

    const restored = await restoreCheckpoint(t.pool, stored.zip);
    expect(restored.reopenedRuns).toBe(0);
    expect(await dumpTables(t.pool, ["workers", "checkpoints", "maintenance_settings"])).toEqual(
      Object.fromEntries(Object.entries(before).filter(([n]) => n !== "maintenance_settings")),
    );
    // Sequences continue after the restored ids.
    const { rows } = await t.pool.query(
      "select (select max(id) from structures) as max, nextval(pg_get_serial_sequence('structures', 'id')) as next",
    );
    expect(Number(rows[0].next)).toBe(Number(rows[0].max) + 1);
  });

  it("refuses to restore into a database holding results, and changes nothing", async () => {
    const [{ zip }] = (await t.pool.query("select zip from checkpoints limit 1")).rows;
    const before = await dumpTables(t.pool);
    const attempt = restoreCheckpoint(t.pool, zip);
    await expect(attempt).rejects.toBeInstanceOf(RestoreRefused);
    await expect(attempt).rejects.toThrow(/not empty: .*structures \(\d+ rows\).*hopscape reset --yes/);
    expect(await dumpTables(t.pool)).toEqual(before);
  });

  it("reads one snapshot although the pipeline writes meanwhile", async () => {
    const counts = async () =>
      (await t.pool.query("select (select count(*) from structures)::int as s, (select count(*) from stage_runs)::int as r")).rows[0];
    const before = await counts();
    let first = true;
    const created = await createCheckpoint(t.pool, {
      // After the first table is read, another connection commits rows into tables read later.
      onTable: async () => {
        if (!first) return;
        first = false;
        await t.pool.query("insert into stage_runs (stage, input_key, status) values ('pathways', 'written-meanwhile', 'pending')");
        await t.pool.query("update structures set fingerprint = fingerprint || '-changed' where id = (select min(id) from structures)");
        await t.pool.query(
          "insert into structures select (s).* from (select jsonb_populate_record(null::structures, to_jsonb(x) || jsonb_build_object('id', 100000, 'fingerprint', 'meanwhile')) as s from structures x limit 1) y",
        );
      },
    });
    expect((await counts()).s).toBe(before.s + 1);
    const rows = Object.fromEntries(created.manifest.tables.map((x) => [x.name, x.rows]));
    expect(rows.structures).toBe(before.s);
    expect(rows.stage_runs).toBe(before.r);
    const csv = (await checkpointTableCsv(t.pool, created.id, "structures"))!.csv;
    expect(csv).not.toContain("-changed");
    expect(csv).not.toContain("meanwhile");
  });

  it("restores runs that were in flight as pending, into a new database", async () => {
    const { rows: claimed } = await t.pool.query(
      "update stage_runs set status = 'queued', claimed_at = now(), worker_id = 'gone' where id = (select min(id) from stage_runs where stage = 'pathways') returning id",
    );
    const created = await createCheckpoint(t.pool);
    expect(created.name).toMatch(/^checkpoint-\d{4}-\d\d-\d\dT/);
    const fresh = await createTestDatabase();
    try {
      const { zip } = (await checkpointZip(t.pool, created.id))!;
      const restored = await restoreCheckpoint(fresh.pool, zip);
      expect(restored.reopenedRuns).toBe(1);
      const { rows } = await fresh.pool.query("select status, claimed_at, worker_id from stage_runs where id = $1", [claimed[0].id]);
      expect(rows).toEqual([{ status: "pending", claimed_at: null, worker_id: null }]);
      const source = await dumpTables(t.pool, ["workers", "checkpoints", "maintenance_settings", "stage_runs"]);
      expect(await dumpTables(fresh.pool, ["workers", "checkpoints", "maintenance_settings", "stage_runs"])).toEqual(source);
    } finally {
      await fresh.drop();
    }
  });
});
