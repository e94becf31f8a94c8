import { and, eq, inArray } from "drizzle-orm";
import type pg from "pg";
import { createDb, getPool } from "../../../db/client";
import { stageRuns } from "../../../db/schema/index";
import { STRUCTURES_STAGE } from "../../../lib/records/structure-import-input";

export interface ImportOutcomes {
  /** Runs that wrote at least one new structure. */
  imported: number;
  /** Runs whose every structure existed already (same fingerprint). */
  duplicate: number;
  failed: number;
  /** Not finished yet (pending, queued, running), or unknown keys. */
  pending: number;
  /** Why runs failed: error message → count. */
  failures: Record<string, number>;
}

/**
 * Where a batch of queued imports stands, from their stage_runs rows: an importer's or a bulk
 * upload's input keys after the worker ran. Keys are looked up in chunks so a large import is fine.
 */
export async function importOutcomes(inputKeys: string[], pool: pg.Pool = getPool()): Promise<ImportOutcomes> {
  const out: ImportOutcomes = { imported: 0, duplicate: 0, failed: 0, pending: 0, failures: {} };
  const keys = [...new Set(inputKeys)];
  const db = createDb(pool);
  let found = 0;
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select({ status: stageRuns.status, lastError: stageRuns.lastError })
      .from(stageRuns)
      .where(and(eq(stageRuns.stage, STRUCTURES_STAGE), inArray(stageRuns.inputKey, keys.slice(i, i + 1000))));
    found += rows.length;
    for (const r of rows) {
      if (r.status === "done") out.imported++;
      else if (r.status === "skipped") out.duplicate++;
      else if (r.status === "failed") {
        out.failed++;
        const why = r.lastError ?? "unknown error";
        out.failures[why] = (out.failures[why] ?? 0) + 1;
      } else out.pending++;
    }
  }
  out.pending += keys.length - found;
  return out;
}
