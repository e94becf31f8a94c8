import type pg from "pg";
import { getPool } from "../../../db/client";
import type { ImportRequest } from "./import-request";
import { importKeyOf } from "./import-request";
import { runSourceImport, setImportStatus } from "./source-imports";

/** Imports running in this web server process, by key: one at a time per query. */
const running = new Set<string>();

/**
 * Runs a Materials Project import in this process with a key typed into the form, without keeping
 * the key anywhere but this call's memory: it never reaches the database or a job payload. The
 * progress row is the same as a job's, so the list shows it; if the server stops, the row keeps
 * its cursor and submitting the same query again (with the key) resumes it.
 */
export function startImportWithKey(request: ImportRequest, apiKey: string, pool: pg.Pool = getPool()): { key: string; started: boolean } {
  const key = importKeyOf(request, { apiKey });
  if (running.has(key)) return { key, started: false };
  running.add(key);
  void runSourceImport(request, { pool, access: { apiKey } })
    .catch((e: unknown) => setImportStatus(pool, key, "failed", e instanceof Error ? e.message : String(e)))
    .catch((e: unknown) => console.error(`[imports] ${key}: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => running.delete(key));
  return { key, started: true };
}
