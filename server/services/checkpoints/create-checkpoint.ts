import type pg from "pg";
import type { CheckpointManifest, CheckpointTableEntry } from "../../../db/schema/index";
import { checkpointHeader, checkpointLine } from "./checkpoint-csv";
import { schemaVersion } from "./schema-version";
import { catalogTables, quoteIdent } from "./table-catalog";
import { zipWriter } from "./zip-writer";

/** Rows fetched from a table's cursor at a time. */
const FETCH_ROWS = 500;

export interface CreatedCheckpoint {
  id: number;
  name: string;
  manifest: CheckpointManifest;
  sizeBytes: number;
}

export const MANIFEST_FILE = "manifest.json";
export const tableFile = (table: string) => `${table}.csv`;

/** A name for a checkpoint nobody named: its time, usable as a file name. */
export const defaultCheckpointName = (at: Date) => `checkpoint-${at.toISOString().replace(/[:.]/g, "-")}`;

/**
 * Reads every checkpointed table in one REPEATABLE READ, READ ONLY transaction (one snapshot: the
 * tables agree with each other although the pipeline keeps writing meanwhile, and nothing is
 * locked against it), writes one CSV per table and the manifest into a zip, and stores it in the
 * checkpoints table.
 */
export async function createCheckpoint(
  pool: pg.Pool,
  options: { name?: string; onTable?: (table: string, rows: number) => void | Promise<void> } = {},
): Promise<CreatedCheckpoint> {
  const zip = zipWriter();
  const client = await pool.connect();
  let manifest: CheckpointManifest;
  try {
    await client.query("begin isolation level repeatable read read only");
    // PostgreSQL's text forms, pinned so that they are the same whatever the server's defaults.
    await client.query("set local timezone = 'UTC'");
    await client.query("set local datestyle = 'ISO, YMD'");
    await client.query("set local extra_float_digits = 1");
    const tables = await catalogTables(client);
    const version = await schemaVersion(client);
    const { rows: nowRows } = await client.query<{ now: Date }>("select now() as now");
    const createdAt = nowRows[0].now;
    const entries: CheckpointTableEntry[] = [];
    for (const table of tables) {
      const file = zip.file(tableFile(table.name));
      const names = table.columns.map((c) => c.name);
      const types = table.columns.map((c) => c.type);
      file.push(checkpointHeader(names));
      const select = names.map((n) => `${quoteIdent(n)}::text`).join(", ");
      const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
      await client.query(`declare checkpoint_rows no scroll cursor for select ${select} from ${quoteIdent(table.name)}${order}`);
      let count = 0;
      for (;;) {
        const batch = await client.query<(string | null)[]>({ text: `fetch forward ${FETCH_ROWS} from checkpoint_rows`, rowMode: "array" });
        if (batch.rows.length === 0) break;
        let text = "";
        for (const row of batch.rows) text += checkpointLine(row, types);
        file.push(text);
        count += batch.rows.length;
      }
      await client.query("close checkpoint_rows");
      file.end();
      entries.push({ name: table.name, file: tableFile(table.name), rows: count, columns: table.columns });
      await options.onTable?.(table.name, count);
    }
    await client.query("commit");
    manifest = {
      format: "hopscape-checkpoint",
      formatVersion: 1,
      name: options.name?.trim() || defaultCheckpointName(createdAt),
      createdAt: createdAt.toISOString(),
      schemaVersion: version,
      tables: entries,
    };
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  const manifestFile = zip.file(MANIFEST_FILE);
  manifestFile.push(JSON.stringify(manifest, null, 2) + "\n");
  manifestFile.end();
  const bytes = zip.finish();
  const { rows } = await pool.query<{ id: number }>(
    "insert into checkpoints (name, created_at, manifest, zip, size_bytes) values ($1, $2, $3, $4, $5) returning id",
    [manifest.name, manifest.createdAt, JSON.stringify(manifest), bytes, bytes.length],
  );
  return { id: rows[0].id, name: manifest.name, manifest, sizeBytes: bytes.length };
}
