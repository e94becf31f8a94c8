/**
 * The scale database of issue 7: a fresh, migrated database holding N structures, five pathways each
 * with measures and barriers, framework percolation, and the finished stage runs that produced them.
 * The first structures are real library crystals written by the stages' own code (templates.ts); the
 * rest are bulk SQL copies with scaled lattices and drawn results (synthetic-sql.ts).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, createPool } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { LOCAL_SERVER_URL } from "../../tests/helpers/base-server";
import { adminQuery, databaseUrlFor } from "../../tests/helpers/database-admin";
import { insertTemplates } from "./templates";
import { BARRIERS_SQL, MEASURES_SQL, PATHWAYS_SQL, PERCOLATION_SQL, SEQUENCES_SQL, STAGE_RUNS_SQL, STRUCTURES_SQL } from "./synthetic-sql";

export interface SyntheticOptions {
  /** Processed structures (five pathways each, with measures, barriers, percolation). */
  structures: number;
  /** Further structures left without pathways and percolation (work for the memory benchmark's worker). */
  fresh: number;
  /** Image bands are stored on every k-th structure's pathways (a band is 10–50 kB of JSON). */
  imagesEvery: number;
  log: (line: string) => void;
}

export interface SyntheticDatabase {
  name: string;
  url: string;
  counts: Record<string, number>;
  seconds: number;
  drop(): Promise<void>;
}

/** The server to create the database on: DATABASE_URL's (any database there), else the local 5432 one. */
export const adminUrl = (): string => process.env.DATABASE_URL ?? LOCAL_SERVER_URL;

export async function createSyntheticDatabase(o: SyntheticOptions): Promise<SyntheticDatabase> {
  const name = `bench_scale_${randomBytes(4).toString("hex")}`;
  const admin = adminUrl();
  await adminQuery(admin, `create database ${name}`);
  const url = databaseUrlFor(admin, name);
  const drop = () => adminQuery(admin, `drop database if exists ${name} with (force)`);
  try {
    const started = performance.now();
    const pool = createPool(url, 2);
    try {
      await migrateDatabase(pool);
      o.log(`database ${name} created and migrated`);
      const templates = await insertTemplates(createDb(pool));
      o.log(`${templates} library templates with their pathways computed and stored (${secondsSince(started)} s)`);
    } finally {
      await pool.end();
    }
    const counts = await fill(url, o, await templateCount(url), started);
    const seconds = Number(secondsSince(started));
    return { name, url, counts, seconds, drop };
  } catch (e) {
    await drop();
    throw e;
  }
}

async function templateCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("select count(*) n from structures")).rows[0].n);
  } finally {
    await client.end();
  }
}

const secondsSince = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

/** Runs the bulk statements on one connection, one step per line of progress. */
async function fill(url: string, o: SyntheticOptions, templates: number, started: number): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Fresh structures come after the N processed ones, so the tables hold exactly 5N pathways.
    const params = [templates, Math.max(o.structures, templates) + o.fresh, o.fresh, o.imagesEvery];
    const step = async (label: string, text: string, values: unknown[] = []) => {
      const t = performance.now();
      const r = await client.query(text, values);
      o.log(`${label.padEnd(12)} ${String(r.rowCount ?? "").padStart(7)} rows in ${secondsSince(t)} s (total ${secondsSince(started)} s)`);
    };
    await client.query("select setseed(0.7)");
    await step("structures", STRUCTURES_SQL, params.slice(0, 2));
    await step("pathways", PATHWAYS_SQL, params);
    await step("measures", MEASURES_SQL);
    await step("barriers", BARRIERS_SQL);
    await step("percolation", PERCOLATION_SQL);
    for (const sql of STAGE_RUNS_SQL) await step("stage runs", sql);
    for (const sql of SEQUENCES_SQL) await client.query(sql);
    // A database this size has been vacuumed and analysed by autovacuum long before anyone browses it.
    await step("vacuum", "vacuum analyze");
    const { rows } = await client.query<Record<string, string>>(
      `select (select count(*) from structures) structures, (select count(*) from pathways) pathways,
              (select count(*) from measures) measures, (select count(*) from barriers) barriers,
              (select count(*) from percolation) percolation, (select count(*) from stage_runs) stage_runs,
              pg_database_size(current_database()) bytes`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  } finally {
    await client.end();
  }
}
