import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type { CheckpointManifest } from "../../../db/schema/index";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";

type Queryable = Pick<pg.PoolClient, "query">;

/** Migration tags by their journal time, or none when the journal cannot be found (e.g. a bundled server). */
function journalTags(): Map<number, string> {
  for (const folder of [MIGRATIONS_FOLDER, path.join(process.cwd(), "db", "migrations")]) {
    try {
      const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
        entries: Array<{ when: number; tag: string }>;
      };
      return new Map(journal.entries.map((e) => [e.when, e.tag]));
    } catch {
      // Try the next place.
    }
  }
  return new Map();
}

/**
 * The latest migration drizzle applied to this database (its journal time and hash, and the tag when
 * the journal is at hand): what a checkpoint's tables and columns correspond to.
 */
export async function schemaVersion(client: Queryable): Promise<CheckpointManifest["schemaVersion"]> {
  const { rows } = await client.query<{ created_at: string; hash: string; applied: string }>(
    `select created_at::text, hash, count(*) over ()::text as applied
       from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (rows.length === 0) throw new Error("the database has no applied migrations; start hopscape once to migrate it");
  const createdAt = Number(rows[0].created_at);
  return { tag: journalTags().get(createdAt) ?? null, createdAt, hash: rows[0].hash, applied: Number(rows[0].applied) };
}
