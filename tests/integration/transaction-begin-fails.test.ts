import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../server/api/root";
import { DEFAULT_RECOVERY } from "../../workers/engine/feeder";
import { feedStage } from "../../workers/engine/feed-stage";
import { isConnectionError } from "../../workers/permanent-errors";
import { stageSettingsHistory } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { currentSettingsSaveInput, type SettingsSaveInput } from "../helpers/settings-save-input";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  t = await createTestDatabase();
  // As the web server calls it: the process's shared pool behind ctx.db.
  api = createCaller({ db: t.db, headers: new Headers() });
});
afterAll(async () => {
  await t?.drop();
});

/** `n` idle connections in the pool that answer, as a web server has between requests. */
async function warmPool(n: number): Promise<void> {
  for (let tries = 0; tries < 10; tries++) {
    const clients = await Promise.all(Array.from({ length: n }, () => t.pool.connect()));
    // One that the last outage left behind fails here and is discarded; another pass replaces it.
    const answered = await Promise.all(clients.map((c) => c.query("select 1").then(() => (c.release(), true), (e: Error) => (c.release(e), false))));
    if (answered.every(Boolean) && t.pool.idleCount >= n) return;
  }
  throw new Error(`the pool did not get ${n} working connections`);
}

/**
 * Ends every backend of the test database but the caller's and waits until they are gone, while this
 * process's event loop is blocked (a child process, run synchronously): the pool has not yet noticed
 * that its idle connections are dead, so the next one it hands out fails on its first statement, as
 * after a restart of the database. Returns how many backends were ended.
 */
function terminateIdleBackends(): number {
  const script = `
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.env.URL });
    await client.connect();
    const { rows } = await client.query(
      "select count(*) filter (where pg_terminate_backend(pid, 10000)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    await client.end();
    console.log(rows[0].n);
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: process.cwd(),
    env: { ...process.env, URL: t.url },
    encoding: "utf8",
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`terminating backends failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/** Every client of the pool is back (none kept checked out) and nobody waits for one. */
function expectNoClientCheckedOut() {
  expect({ checkedOut: t.pool.totalCount - t.pool.idleCount, waiting: t.pool.waitingCount }).toEqual({ checkedOut: 0, waiting: 0 });
}

/** The call failed on BEGIN (drizzle names the statement that failed) because the connection was lost. */
function expectBeginLostConnection(outcome: unknown) {
  expect(outcome).toBeInstanceOf(Error);
  expect((outcome as Error).message).toMatch(/^Failed query: begin\b/);
  expect(isConnectionError(outcome), String((outcome as Error).cause)).toBe(true);
}

const ROUNDS = 12; // more than the pool's 10 connections: a connection kept per failure would drain it

describe("a transaction whose BEGIN fails on a dead pooled connection", () => {
  it("gives the connection back on the settings page's save, and the next save works", async () => {
    const { input } = await currentSettingsSaveInput(api, "pathways");
    const save = (note: string) => api.settings.save({ ...input, note } as SettingsSaveInput);
    await save("before the outages");

    for (let round = 0; round < ROUNDS; round++) {
      await warmPool(3);
      expect(terminateIdleBackends()).toBeGreaterThanOrEqual(3);
      // BEGIN is the save's first statement, on a connection whose backend is gone.
      expectBeginLostConnection(await save(`round ${round}`).catch((e: unknown) => e));
      expectNoClientCheckedOut();
    }

    // The last outage's other dead connections are found out and replaced, as the next requests would.
    await warmPool(3);
    const saved = await save("after the outages");
    expect(saved.version).toBe(3);
    expect((await stageSettingsHistory(t.db, "pathways")).map((v) => v.note).slice(0, 2)).toEqual(["after the outages", "before the outages"]);
    expectNoClientCheckedOut();
  });

  it("gives the connection back on a feeder tick's transaction over the pool", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await warmPool(3);
      expect(terminateIdleBackends()).toBeGreaterThanOrEqual(3);
      expectBeginLostConnection(await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY).catch((e: unknown) => e));
      expectNoClientCheckedOut();
    }
    await warmPool(3);
    const report = await feedStage(t.db, pathwaysStage, DEFAULT_RECOVERY);
    expect(report).toMatchObject({ stage: "pathways", busy: false, claimed: [] });
    expectNoClientCheckedOut();
  });
});
