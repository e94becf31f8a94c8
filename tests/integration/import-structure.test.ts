import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caF2, k2NiF4, kMgF3 } from "../../lib/structure/reference-crystals";
import type { Structure } from "../../lib/structure/structure";
import { enqueueStructureImport, importInputKey, importStatus } from "../../server/services/structure-import";
import { startWorkerRunner, type WorkerRunner } from "../../workers/runner";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitForImport } from "../helpers/wait-for-import";
import { LIF_CIF } from "../fixtures/lif-cif";

let t: TestDatabase;
let worker: WorkerRunner | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await worker?.stop();
  await t?.drop();
});

const count = async (sql: string, params: unknown[] = []) => Number((await t.pool.query(sql, params)).rows[0].n);
const structureCount = () => count("select count(*) as n from structures");
const jobCount = (inputKey: string) =>
  count("select count(*) as n from graphile_worker.jobs where key = $1", [`structures:${inputKey}`]);

/** Fluorite in its primitive rhombohedral cell with the origin moved: the same crystal as caF2(). */
function fluoritePrimitiveShifted(a = 5.4626): Structure {
  const h = a / 2;
  const shift = 0.13;
  const at = (x: number, y: number, z: number): [number, number, number] => [
    (((x + shift) % 1) + 1) % 1,
    (((y + shift) % 1) + 1) % 1,
    (((z + shift) % 1) + 1) % 1,
  ];
  return {
    lattice: [
      [0, h, h],
      [h, 0, h],
      [h, h, 0],
    ],
    sites: [
      { species: "F", frac: at(0.75, 0.75, 0.75) },
      { species: "Ca", frac: at(0, 0, 0) },
      { species: "F", frac: at(0.25, 0.25, 0.25) },
    ],
  };
}

describe("structure import through a real graphile-worker runner", () => {
  it("queues the same input once, then imports it as one row", async () => {
    const input = { source: "library" as const, sourceId: "CaF2-test", structure: caF2() };
    const [first, second] = await Promise.all([enqueueStructureImport(input, t.pool), enqueueStructureImport(input, t.pool)]);
    expect(second.inputKey).toBe(first.inputKey);
    expect(await jobCount(first.inputKey)).toBe(1);
    expect((await importStatus(first.inputKey, t.pool)).status).toBe("queued");

    worker = await startWorkerRunner({ pgPool: t.pool, concurrency: 2 });
    const status = await waitForImport(t.pool, first.inputKey);
    expect(status).toMatchObject({ status: "done", note: `imported #${status.structureId}` });
    const rows = await t.pool.query("select * from structures");
    expect(rows.rows).toHaveLength(1);
    // Fluorite: Fm-3m (No. 225), CaF2 (Wyckoff, Crystal Structures vol. 1).
    expect(rows.rows[0]).toMatchObject({
      id: status.structureId,
      source: "library",
      source_id: "CaF2-test",
      reduced_formula: "CaF2",
      chemsys: "Ca-F",
      elements: ["Ca", "F"],
      nelements: 2,
      spacegroup_number: 225,
    });
    // The job is gone once completed, and submitting the input again queues nothing.
    expect(await jobCount(first.inputKey)).toBe(0);
    expect(await enqueueStructureImport(input, t.pool)).toEqual({ inputKey: first.inputKey, queued: false });
    expect(await jobCount(first.inputKey)).toBe(0);
    expect(await structureCount()).toBe(1);
  });

  it("records the worker in the workers table", async () => {
    const rows = await t.pool.query("select * from workers where id = $1", [worker!.id]);
    expect(rows.rows[0]).toMatchObject({
      pid: process.pid,
      stages: expect.arrayContaining(["import-structure"]),
      stopped_at: null,
    });
    const runs = await t.pool.query(
      "select worker_id, attempts from stage_runs where stage = 'structures' and status = 'done'",
    );
    expect(runs.rows).toEqual([{ worker_id: worker!.id, attempts: 1 }]);
  });

  it("does not add a second row for the same crystal in another cell setting", async () => {
    const before = await structureCount();
    const { inputKey } = await enqueueStructureImport(
      { source: "upload", sourceId: "fluorite-primitive", structure: fluoritePrimitiveShifted() },
      t.pool,
    );
    const status = await waitForImport(t.pool, inputKey);
    const [existing] = (await t.pool.query("select id from structures where reduced_formula = 'CaF2'")).rows;
    expect(status).toMatchObject({ status: "skipped", structureId: existing.id, note: `duplicate of #${existing.id}` });
    expect(await structureCount()).toBe(before);
  });

  it("imports an uploaded CIF", async () => {
    const { inputKey } = await enqueueStructureImport({ source: "upload", text: LIF_CIF, filename: "LiF.cif" }, t.pool);
    const status = await waitForImport(t.pool, inputKey);
    expect(status.status).toBe("done");
    const [row] = (await t.pool.query("select * from structures where id = $1", [status.structureId])).rows;
    // Rock salt: Fm-3m (No. 225).
    expect(row).toMatchObject({ source: "upload", source_id: "LiF.cif", reduced_formula: "LiF", spacegroup_number: 225 });
  });

  it("fails malformed input with the reader's message, writes no row and does not retry", async () => {
    const before = await structureCount();
    const { inputKey } = await enqueueStructureImport(
      { source: "upload", text: "this is not a crystal structure\n", filename: "broken.cif" },
      t.pool,
    );
    const status = await waitForImport(t.pool, inputKey);
    expect(status.status).toBe("failed");
    expect(status.error).toMatch(/CIF/);
    expect(status.structureId).toBeUndefined();
    expect(await structureCount()).toBe(before);
    // The job ended (permanent failure is recorded on the run, not left for graphile-worker to retry).
    expect(await jobCount(inputKey)).toBe(0);
    const [run] = (await t.pool.query("select attempts from stage_runs where input_key = $1", [inputKey])).rows;
    expect(run.attempts).toBe(1);
  });

  it("writes nothing when finishing the run fails inside the transaction", async () => {
    // A trigger refuses to mark this run finished, after its structure row has been inserted.
    await t.pool.query(`
      create table refused_keys (input_key text primary key);
      create function refuse_finish() returns trigger language plpgsql as $$
      begin
        if new.status in ('done', 'skipped') and exists (select 1 from refused_keys where input_key = new.input_key) then
          raise exception 'refusing to finish run' using errcode = 'check_violation';
        end if;
        return new;
      end $$;
      create trigger refuse_finish before update on stage_runs for each row execute function refuse_finish();`);
    const input = { source: "upload" as const, structure: kMgF3() };
    await t.pool.query("insert into refused_keys values ($1)", [importInputKey(input)]);
    const before = await structureCount();
    const { inputKey } = await enqueueStructureImport(input, t.pool);
    const status = await waitForImport(t.pool, inputKey);
    expect(status).toMatchObject({ status: "failed", error: "refusing to finish run" });
    expect(await structureCount()).toBe(before);
  });

  it("retries a transient database error and then succeeds", async () => {
    // The first insert meets a serialization failure (retryable). A sequence counts the inserts
    // because, unlike a table, it is not rolled back with the failed transaction.
    await t.pool.query(`
      create sequence structure_inserts;
      create function fail_first_insert() returns trigger language plpgsql as $$
      begin
        if nextval('structure_inserts') = 1 then
          raise exception 'simulated serialization failure' using errcode = 'serialization_failure';
        end if;
        return new;
      end $$;
      create trigger fail_first_insert before insert on structures for each row execute function fail_first_insert();`);
    const { inputKey } = await enqueueStructureImport({ source: "upload", structure: k2NiF4() }, t.pool);
    // graphile-worker waits exp(1) ≈ 2.7 s before the second attempt.
    const status = await waitForImport(t.pool, inputKey, 30_000);
    expect(status.status).toBe("done");
    const [run] = (await t.pool.query("select attempts, last_error from stage_runs where input_key = $1", [inputKey])).rows;
    expect(run).toEqual({ attempts: 2, last_error: null });
  });

  it("marks the worker stopped", async () => {
    await worker!.stop();
    const rows = await t.pool.query("select stopped_at from workers where id = $1", [worker!.id]);
    expect(rows.rows[0].stopped_at).toBeInstanceOf(Date);
  });
});
