import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryStructures } from "../../lib/library/build";
import { caF2 } from "../../lib/structure/reference-crystals";
import { pruneFinished, saveMaintenanceSettings } from "../../workers/prune-finished";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { runCli } from "../cli/run-cli";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitFor } from "./engine-fixtures";
import { dumpTables, runLibraryLiF } from "./checkpoints-fixtures";
import { insertStructures } from "./engine-fixtures";

let t: TestDatabase;
let pipeline: Pipeline | undefined;
const RESULTS = ["structures", "pathways", "measures", "barriers", "percolation"];
const count = async (sql: string, params: unknown[] = []) => (await t.pool.query(sql, params)).rows[0].n as number;
const results = async () => Object.fromEntries(Object.entries(await dumpTables(t.pool)).filter(([n]) => RESULTS.includes(n)));

let searchedEmpty: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await runLibraryLiF(t.pool);
  // A fluoride whose hop search found nothing: its done run is the only record that it was searched.
  [searchedEmpty] = await insertStructures(t.db, [caF2()]);
  await t.pool.query(
    "insert into stage_runs (stage, input_key, status, result, finished_at) values ('pathways', $1, 'done', '{\"ids\": []}', now())",
    [String(searchedEmpty)],
  );
  // Its percolation is done (the stage's own row, as the worker would write it): pruned like any other.
  const { rows: perc } = await t.pool.query(
    `insert into percolation (structure_id, ion, grid_spacing, percolation_1d, percolation_2d, percolation_3d, minimum_energy)
     select $1, ion, grid_spacing, percolation_1d, percolation_2d, percolation_3d, minimum_energy from percolation limit 1 returning id`,
    [searchedEmpty],
  );
  await t.pool.query("insert into stage_runs (stage, input_key, status, result, finished_at) values ('percolation', $1, 'done', $2, now())", [
    String(searchedEmpty),
    { ids: [perc[0].id] },
  ]);
    // Everything finished so far is 8 days old, except one run finished just now.
  await t.pool.query("update stage_runs set finished_at = now() - interval '8 days'");
  await t.pool.query("update stage_runs set finished_at = now() where id = (select max(id) from stage_runs where stage = 'measures')");
  await t.pool.query(
    "insert into stage_runs (stage, input_key, status, last_error, finished_at) values ('percolation', 'gone', 'failed', 'bad input', now() - interval '30 days')",
  );
  // graphile-worker: an old and a recent permanently failed job, and one still waiting.
  for (const [key, attempts, age] of [["old-failed", 1, "9 days"], ["new-failed", 1, "1 hour"], ["waiting", 0, "9 days"]] as const) {
    await t.pool.query("select graphile_worker.add_job('maintenance:prune', '{}'::json, job_key => $1, max_attempts => 1, run_at => now() + interval '1 day')", [key]);
    await t.pool.query("update graphile_worker._private_jobs set attempts = $2, updated_at = now() - $3::interval where key = $1", [key, attempts, age]);
  }
  await t.pool.query(
    `insert into workers (id, host, pid, stages, last_heartbeat, stopped_at) values
       ('stopped-long-ago', 'h', 1, '{}', now() - interval '8 days', now() - interval '8 days'),
       ('died-long-ago', 'h', 2, '{}', now() - interval '10 days', null),
       ('stopped-today', 'h', 3, '{}', now() - interval '1 hour', now() - interval '1 hour')`,
  );
});
afterAll(async () => {
  await pipeline?.stop();
  await t?.drop();
});

describe("pruning", () => {
  it("deletes old finished metadata, keeps results, recent and failed runs, and runs without rows", async () => {
    const before = await results();
    const runsBefore = await count("select count(*)::int as n from stage_runs");
    const oldWithRows = await count(
      "select count(*)::int as n from stage_runs where status in ('done','skipped') and finished_at < now() - interval '7 days' and jsonb_array_length(result->'ids') > 0",
    );
    expect(oldWithRows).toBeGreaterThanOrEqual(5);

    // The CLI is the same service; its report says what went.
    const cli = runCli(["prune", "--older-than", "7d"], { DATABASE_URL: t.url });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`pruned workflow metadata older than 1w:\n  ${oldWithRows} finished stage runs (1 kept`);
    expect(cli.stdout).toContain("1 permanently failed graphile-worker jobs");
    expect(cli.stdout).toContain("2 stale worker registrations");

    expect(await results()).toEqual(before);
    expect(await count("select count(*)::int as n from stage_runs")).toBe(runsBefore - oldWithRows);
    const left = (await t.pool.query("select stage, input_key, status from stage_runs order by id")).rows;
    expect(left).toEqual(
      expect.arrayContaining([
        { stage: "pathways", input_key: String(searchedEmpty), status: "done" },
        { stage: "percolation", input_key: "gone", status: "failed" },
        expect.objectContaining({ stage: "measures", status: "done" }),
      ]),
    );
    expect(left).toHaveLength(3);
    expect((await t.pool.query("select key from graphile_worker.jobs order by key")).rows.map((r) => r.key)).toEqual(["new-failed", "waiting"]);
    const workers = (await t.pool.query("select id from workers order by id")).rows.map((r) => r.id);
    expect(workers).toContain("stopped-today");
    expect(workers).not.toContain("stopped-long-ago");
    expect(workers).not.toContain("died-long-ago");

    // Nothing is old enough a second time.
    expect(await pruneFinished(t.pool, 7 * 86400)).toMatchObject({ stageRuns: 0, failedJobs: 0, workers: 0 });
  });

  it("does not compute pruned inputs again; a re-submitted import finds its duplicate", async () => {
    await t.pool.query("delete from graphile_worker._private_jobs");
    const before = await results();
    const runs = (await t.pool.query("select id from stage_runs order by id")).rows;
    pipeline = await startPipeline({ pgPool: t.pool, concurrency: 2, tickMs: 200, heartbeatMs: 1000 });
    for (let i = 0; i < 3; i++) await pipeline.feeder.tick();
    expect((await t.pool.query("select id from stage_runs order by id")).rows).toEqual(runs);

    const entry = libraryStructures().find((e) => e.id === "LiF-rocksalt")!;
    const again = await enqueueStructureImport({ source: "library", sourceId: entry.id, structure: entry.structure }, t.pool);
    expect(again.queued).toBe(true);
    const run = await waitFor("the re-import", async () => {
      const { rows } = await t.pool.query("select status, note from stage_runs where input_key = $1 and status in ('done','skipped','failed')", [again.inputKey]);
      return rows[0];
    });
    expect(run).toMatchObject({ status: "skipped", note: expect.stringMatching(/^duplicate of #\d+$/) });
    for (let i = 0; i < 3; i++) await pipeline.feeder.tick();
    expect(await results()).toEqual(before);
    expect(await count("select count(*)::int as n from stage_runs where status in ('pending','queued','running')")).toBe(0);
  });

  it("runs as a graphile-worker cron job on the saved schedule and age", async () => {
    await pipeline?.stop();
    await t.pool.query("update stage_runs set finished_at = now() - interval '3 days' where status in ('done', 'skipped')");
    const withRows = await count("select count(*)::int as n from stage_runs where jsonb_array_length(result->'ids') > 0");
    expect(withRows).toBeGreaterThan(0);
    await saveMaintenanceSettings(t.pool, { pruneSchedule: "* * * * *", pruneOlderThanSeconds: 2 * 86400 });
    // A worker for no stage at all still runs the maintenance cron.
    pipeline = await startPipeline({ pgPool: t.pool, stages: [], concurrency: 1, heartbeatMs: 1000 });
    await waitFor(
      "the cron job to prune",
      async () => ((await count("select count(*)::int as n from stage_runs where jsonb_array_length(result->'ids') > 0")) === 0 ? true : undefined),
      75_000,
    );
    expect((await t.pool.query("select identifier from graphile_worker._private_known_crontabs")).rows).toEqual([{ identifier: "hopscape-prune" }]);
  }, 120_000);
});
