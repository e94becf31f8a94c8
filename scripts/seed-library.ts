import type pg from "pg";
import { libraryStructures } from "../lib/library/build";
import { enqueueStructureImport } from "../server/services/structure-import";

export interface SeedResult {
  /** Library entries. */
  total: number;
  /** Of those, queued by this call (zero once they have all been queued before). */
  queued: number;
}

/**
 * Queues every built-in library crystal for import (source "library", sourceId the entry id).
 * Idempotent: an entry queued before has a stage run with the same input key and is not queued
 * again; an entry whose data changed gets a new key and is imported.
 */
export async function seedLibrary(pool: pg.Pool): Promise<SeedResult> {
  const entries = libraryStructures();
  let queued = 0;
  for (const entry of entries) {
    const result = await enqueueStructureImport({ source: "library", sourceId: entry.id, structure: entry.structure }, pool);
    if (result.queued) queued++;
  }
  return { total: entries.length, queued };
}
