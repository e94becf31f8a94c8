import type pg from "pg";
import { emptyCounts, type ImportCounts } from "./import-counts";

/**
 * Where a paged import keeps its place, so that an interrupted import (a crash, a stopped CLI, a 
 * deployment) goes on from the page after the last one it finished instead of fetching everything
 * again. `cursor` is the source's own position (the Materials Project's skip, OPTIMADE's next URL);
 * null means the import finished, and the next run starts over (to pick up new entries).
 */
export interface ImportProgress {
  cursor: string | null;
  counts: ImportCounts;
}

export interface ImportProgressStore {
  load(key: string): Promise<ImportProgress | undefined>;
  save(key: string, cursor: string | null, counts: ImportCounts): Promise<void>;
}

/** Progress kept for the life of the process: resumes after an error within one CLI run or server. */
export function memoryProgressStore(): ImportProgressStore {
  const saved = new Map<string, ImportProgress>();
  return {
    async load(key) {
      const p = saved.get(key);
      return p && { cursor: p.cursor, counts: structuredClone(p.counts) };
    },
    async save(key, cursor, counts) {
      saved.set(key, { cursor, counts: structuredClone(counts) });
    },
  };
}

/**
 * The table of the database store, as migration 0005 creates it (db/schema/import-progress.ts):
 * tests that run without migrations create it from here. `source`, `request`, `status` and `error`
 * are the dashboard's (source-imports.ts); the store itself reads and writes cursor and counts.
 */
export const IMPORT_PROGRESS_TABLE_SQL = `create table if not exists import_progress (
  key text primary key,
  source text,
  request jsonb,
  cursor text,
  counts jsonb not null,
  status text not null default 'running',
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`;

/** Progress in the import_progress table: survives restarts and is shared by every server process. */
export function pgProgressStore(pool: pg.Pool): ImportProgressStore {
  return {
    async load(key) {
      const { rows } = await pool.query<{ cursor: string | null; counts: ImportCounts }>(
        "select cursor, counts from import_progress where key = $1",
        [key],
      );
      if (rows.length === 0) return undefined;
      return { cursor: rows[0].cursor, counts: { ...emptyCounts(), ...rows[0].counts } };
    },
    async save(key, cursor, counts) {
      await pool.query(
        `insert into import_progress (key, cursor, counts, updated_at) values ($1, $2, $3, now())
         on conflict (key) do update set cursor = excluded.cursor, counts = excluded.counts, updated_at = now()`,
        [key, cursor, JSON.stringify(counts)],
      );
    },
  };
}
