/**
 * The limited worker role of docs/deployment.md is enough for a worker and no more: made with
 * docs/worker-role.sql, it starts (the schema check needs no DDL), carries a structure through every
 * stage (auto-broaden saving settings included) and prunes; it cannot delete results, create
 * tables or touch checkpoints.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { libraryStructures } from "../../lib/library/build";
import { pruneFinished } from "../../workers/prune-finished";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { startPipeline, type Pipeline } from "../../workers/engine/pipeline";
import { adminQuery } from "../helpers/database-admin";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { waitFor } from "./engine-fixtures";

const grantsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../docs/worker-role.sql");
// Roles belong to the whole server: a random name keeps parallel runs apart.
const role = `hopscape_worker_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");

let t: TestDatabase;
let rolePool: pg.Pool;
let pipeline: Pipeline | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.pool.query(`create role ${role} login password '${password}'`);
  const grants = (await fs.readFile(grantsFile, "utf8")).replaceAll("hopscape_worker", role);
  await t.pool.query(grants);
  const url = new URL(t.url);
  url.username = role;
  url.password = password;
  rolePool = createPool(url.toString(), 4);
});

afterAll(async () => {
  await pipeline?.stop();
  await rolePool?.end();
  const base = t?.url;
  await t?.drop();
  if (base) await adminQuery(base.replace(/\/[^/]*$/, "/postgres"), `drop role if exists ${role}`);
});

const count = async (sql: string) => Number((await t.pool.query(sql)).rows[0].n);

describe("the worker role", () => {
  it("is who the worker connects as", async () => {
    expect((await rolePool.query("select current_user as u")).rows[0].u).toBe(role);
  });

  it("gets through a worker's start on an up-to-date database", async () => {
    await expect(migrateDatabase(rolePool)).resolves.toBeUndefined();
  });

  it("runs every stage on a library structure, auto-broaden included, then prunes", async () => {
    const lif = libraryStructures().find((e) => e.id === "LiF-rocksalt")!;
    expect((await enqueueStructureImport({ source: "library", sourceId: lif.id, structure: lif.structure }, t.pool)).queued).toBe(true);
    pipeline = await startPipeline({ pgPool: rolePool, concurrency: 2, tickMs: 300, heartbeatMs: 1000 });
    const settled = await waitFor(
      "LiF through every stage",
      async () => {
        const { rows } = await t.pool.query(`select
          (select count(*) from stage_runs where status in ('pending', 'queued', 'running'))::int as busy,
          (select count(*) from stage_runs where status = 'failed')::int as failed,
          (select count(*) from pathways)::int as pathways,
          (select count(*) from measures)::int as measures,
          (select count(*) from percolation)::int as percolation,
          (select count(*) from barriers)::int as barriers`);
        const s = rows[0];
        return s.busy === 0 && s.pathways > 0 && s.measures === s.pathways && s.percolation === 1 && s.barriers > 0 ? s : undefined;
      },
      120_000,
    );
    expect(settled.failed).toBe(0);
    // Rock salt has fewer than `keep` hops within 5 Å: the worker broadened the search and saved that.
    expect(await count("select count(*) as n from stage_settings_versions where stage = 'pathways' and version > 1")).toBeGreaterThan(0);
    expect(await count("select count(*) as n from workers")).toBe(1);
    await pipeline.stop();
    pipeline = undefined;

    const pruned = await pruneFinished(rolePool, 0);
    expect(pruned.stageRuns).toBeGreaterThan(0);
    expect(pruned.workers).toBe(1);
  }, 180_000);

  it("cannot delete results, create tables, or write checkpoints", async () => {
    const refused = async (sql: string) => {
      const e = await rolePool.query(sql).then(() => null, (err: { code?: string }) => err);
      return e?.code;
    };
    expect(await refused("delete from structures")).toBe("42501");
    expect(await refused("truncate stage_runs")).toBe("42501");
    expect(await refused("create table public.intruder (id int)")).toBe("42501");
    expect(await refused("insert into checkpoints (name) values ('x')")).toBe("42501");
    expect(await refused("create schema intruder")).toBe("42501");
  });
});
