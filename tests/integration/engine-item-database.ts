import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { ITEM_TABLES_SQL } from "./engine-stage-fixtures";
import { fakeJobHelpers } from "./fake-job-helpers";

/**
 * A test database with the item stages' tables, emptied before each test (with the runs, settings,
 * worker registrations and graphile-worker jobs), and job helpers whose warnings land in `warnings`.
 * Its fields are set once beforeAll has run.
 */
export function useItemDatabase() {
  const ctx = {
    t: undefined as unknown as TestDatabase,
    warnings: [] as string[],
    helpers: undefined as unknown as ReturnType<typeof fakeJobHelpers>,
    rows: async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await ctx.t.pool.query(text, params)).rows as T[],
  };
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    ctx.helpers = fakeJobHelpers(ctx.t.pool, ctx.warnings);
    await ctx.t.pool.query(ITEM_TABLES_SQL);
  });
  afterAll(async () => {
    await ctx.t?.drop();
  });
  beforeEach(async () => {
    ctx.warnings.length = 0;
    await ctx.t.pool.query(
      "truncate start_run_items, start_run_outputs, stage_settings, stage_settings_versions, workers; delete from stage_runs; delete from graphile_worker._private_jobs",
    );
  });
  return ctx;
}
