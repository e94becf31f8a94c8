import { afterAll, beforeAll, expect, it } from "vitest";
import { libraryStructures } from "../../lib/library/build";
import { seedLibrary } from "../../scripts/seed-library";
import { startWorkerRunner, type WorkerRunner } from "../../workers/runner";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitForImport } from "../helpers/wait-for-import";

let t: TestDatabase;
let worker: WorkerRunner | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await worker?.stop();
  await t?.drop();
});

it("queues the library once and imports every entry", async () => {
  const total = libraryStructures().length;
  expect(await seedLibrary(t.pool)).toEqual({ total, queued: total });
  // A second start queues nothing new.
  expect(await seedLibrary(t.pool)).toEqual({ total, queued: 0 });
  const jobs = await t.pool.query(
    "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'import-structure'",
  );
  expect(jobs.rows[0].n).toBe(total);

  worker = await startWorkerRunner({ pgPool: t.pool, concurrency: 2 });
  const runs = await t.pool.query<{ input_key: string }>("select input_key from stage_runs where stage = 'structures'");
  const statuses = await Promise.all(runs.rows.map((r) => waitForImport(t.pool, r.input_key, 60_000)));
  expect(statuses.filter((s) => s.status === "failed")).toEqual([]);
  const rows = await t.pool.query<{ source: string; source_id: string }>("select source, source_id from structures");
  // Library entries are distinct crystals, so each gets its own row, keyed by its entry id.
  expect(rows.rows.every((r) => r.source === "library")).toBe(true);
  expect(rows.rows.map((r) => r.source_id).sort()).toEqual(libraryStructures().map((e) => e.id).sort());
});
