import type pg from "pg";
import type { CheckpointManifest } from "../../../db/schema/index";
import { parseCheckpointCsv } from "./checkpoint-csv";
import { readManifest, zipEntryText } from "./manifest";
import { catalogTables, quoteIdent, REPLACED_ON_RESTORE, type CatalogTable } from "./table-catalog";

/** A restore that must not go ahead; the message says why and what to do. */
export class RestoreRefused extends Error {}

export interface RestoredCheckpoint {
  manifest: CheckpointManifest;
  tables: Array<{ name: string; rows: number }>;
  /** Runs that were queued or running in the snapshot, restored as pending (their jobs are not in it). */
  reopenedRuns: number;
}

/** Rows or JSON characters per INSERT, whichever is reached first. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

/** Refuses a checkpoint whose tables or columns this database does not have with the same types. */
function checkColumns(manifest: CheckpointManifest, target: Map<string, CatalogTable>): void {
  const problems: string[] = [];
  for (const t of manifest.tables) {
    const have = target.get(t.name);
    if (!have) {
      problems.push(`table ${t.name} does not exist here`);
      continue;
    }
    const types = new Map(have.columns.map((c) => [c.name, c.type]));
    for (const c of t.columns) {
      const type = types.get(c.name);
      if (type === undefined) problems.push(`${t.name}.${c.name} does not exist here`);
      else if (type !== c.type) problems.push(`${t.name}.${c.name} is ${type} here, ${c.type} in the checkpoint`);
    }
  }
  if (problems.length > 0) {
    const v = manifest.schemaVersion;
    throw new RestoreRefused(
      `the checkpoint does not fit this database's schema (checkpoint made at migration ${v.tag ?? v.createdAt}): ${problems.join("; ")}`,
    );
  }
}

/** Tables holding rows that a restore would mix with the checkpoint's (all but the replaced settings). */
async function nonEmptyTables(client: pg.PoolClient, tables: CatalogTable[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    if ((REPLACED_ON_RESTORE as readonly string[]).includes(t.name)) continue;
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from ${quoteIdent(t.name)}`);
    if (rows[0].n !== "0") found.push(`${t.name} (${rows[0].n} rows)`);
  }
  return found;
}

async function insertBatch(client: pg.PoolClient, table: CatalogTable, names: string[], rows: (string | null)[][]): Promise<void> {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  // Cast from PostgreSQL's own text form with the column's type as this database has it (never a
  // type from the file); column names were checked against the catalog.
  const casts = names.map((n, i) => `(r->>${i})::${types.get(n)}`).join(", ");
  await client.query(
    `insert into ${quoteIdent(table.name)} (${names.map(quoteIdent).join(", ")}) overriding system value
     select ${casts} from json_array_elements($1::json) r`,
    [JSON.stringify(rows)],
  );
}

async function restoreTable(client: pg.PoolClient, zip: Uint8Array, entry: CheckpointManifest["tables"][number], table: CatalogTable): Promise<number> {
  const text = zipEntryText(zip, entry.file);
  if (text === undefined) throw new RestoreRefused(`the checkpoint lists ${entry.file} but the zip has no such file`);
  const records = parseCheckpointCsv(text);
  const header = records.next().value as (string | null)[] | undefined;
  const names = entry.columns.map((c) => c.name);
  if (!header || header.join(",") !== names.join(",")) {
    throw new RestoreRefused(`${entry.file}: its header does not match the manifest's columns of ${entry.name}`);
  }
  let count = 0;
  let batch: (string | null)[][] = [];
  let chars = 0;
  for (const record of records) {
    if (record.length !== names.length) throw new RestoreRefused(`${entry.file}: row ${count + 1} has ${record.length} cells, not ${names.length}`);
    batch.push(record);
    for (const cell of record) chars += cell?.length ?? 0;
    count++;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await insertBatch(client, table, names, batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) await insertBatch(client, table, names, batch);
  if (count !== entry.rows) throw new RestoreRefused(`${entry.file} holds ${count} rows, the manifest says ${entry.rows}`);
  // The next id a stage writes must come after the restored ones.
  for (const column of table.sequenceColumns) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table.name)}), 0) + 1, false)`,
      [`public.${quoteIdent(table.name)}`, column],
    );
  }
  return count;
}

/**
 * Loads a checkpoint zip into this database, in one transaction: all of it or nothing. The database
 * must hold no results and no runs (the stage settings a feeder seeds by itself are replaced), so
 * that ids are kept as they were; sequences continue after them. Runs that were in flight in the
 * snapshot come back as pending, since their graphile-worker jobs are not part of a checkpoint.
 */
export async function restoreCheckpoint(
  pool: pg.Pool,
  zip: Uint8Array,
  options: { onTable?: (table: string, rows: number) => void } = {},
): Promise<RestoredCheckpoint> {
  const manifest = readManifest(zip);
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("set local timezone = 'UTC'");
    const tables = await catalogTables(client);
    const byName = new Map(tables.map((t) => [t.name, t]));
    checkColumns(manifest, byName);
    // Writers wait until the restore commits; readers (the web pages) go on.
    await client.query(`lock table ${tables.map((t) => quoteIdent(t.name)).join(", ")} in exclusive mode`);
    const busy = await nonEmptyTables(client, tables);
    if (busy.length > 0) {
      throw new RestoreRefused(
        `refusing to restore into a database that is not empty: ${busy.join(", ")}. ` +
          "Restore into a new database, or empty this one first with `hopscape reset --yes`.",
      );
    }
    for (const name of [...REPLACED_ON_RESTORE].reverse()) {
      if (byName.has(name)) await client.query(`delete from ${quoteIdent(name)}`);
    }
    const restored: RestoredCheckpoint["tables"] = [];
    for (const entry of manifest.tables) {
      const rows = await restoreTable(client, zip, entry, byName.get(entry.name)!);
      restored.push({ name: entry.name, rows });
      options.onTable?.(entry.name, rows);
    }
    let reopenedRuns = 0;
    if (manifest.tables.some((t) => t.name === "stage_runs")) {
      const reopened = await client.query(
        "update stage_runs set status = 'pending', claimed_at = null, worker_id = null where status in ('queued', 'running')",
      );
      reopenedRuns = reopened.rowCount ?? 0;
    }
    await client.query("commit");
    return { manifest, tables: restored, reopenedRuns };
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
