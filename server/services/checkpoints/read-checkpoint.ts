import type pg from "pg";
import type { CheckpointManifest } from "../../../db/schema/index";
import { zipEntryText } from "./manifest";

export interface CheckpointSummary {
  id: number;
  name: string;
  createdAt: Date;
  sizeBytes: number;
  manifest: CheckpointManifest;
}

/** Stored checkpoints, newest first, without their zips. */
export async function listCheckpoints(pool: pg.Pool): Promise<CheckpointSummary[]> {
  const { rows } = await pool.query<{ id: number; name: string; created_at: Date; size_bytes: number; manifest: CheckpointManifest }>(
    "select id, name, created_at, size_bytes, manifest from checkpoints order by created_at desc, id desc",
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, sizeBytes: r.size_bytes, manifest: r.manifest }));
}

/** One checkpoint's zip with its name and manifest, or undefined when there is no such checkpoint. */
export async function checkpointZip(pool: pg.Pool, id: number): Promise<{ name: string; zip: Buffer; manifest: CheckpointManifest } | undefined> {
  const { rows } = await pool.query<{ name: string; zip: Buffer; manifest: CheckpointManifest }>(
    "select name, zip, manifest from checkpoints where id = $1",
    [id],
  );
  return rows[0];
}

/** The CSV of one table of a stored checkpoint; undefined when the checkpoint or the table is not there. */
export async function checkpointTableCsv(pool: pg.Pool, id: number, table: string): Promise<{ name: string; csv: string } | undefined> {
  const found = await checkpointZip(pool, id);
  const entry = found?.manifest.tables.find((t) => t.name === table);
  if (!found || !entry) return undefined;
  const csv = zipEntryText(found.zip, entry.file);
  return csv === undefined ? undefined : { name: found.name, csv };
}

/** A checkpoint's name as a safe download file name. */
export const downloadName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "checkpoint";
