import { sql } from "drizzle-orm";
import { customType, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** PostgreSQL bytea as a Node Buffer (pg returns Buffers for bytea and accepts them as parameters). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/** One table of a checkpoint as its manifest describes it. */
export interface CheckpointTableEntry {
  name: string;
  /** The CSV's file name inside the zip. */
  file: string;
  rows: number;
  /** Column names in CSV order with their PostgreSQL types (format_type), for a restore to check. */
  columns: Array<{ name: string; type: string }>;
}

/** manifest.json of a checkpoint zip, also kept in checkpoints.manifest for listing without unzipping. */
export interface CheckpointManifest {
  format: "hopscape-checkpoint";
  formatVersion: 1;
  name: string;
  /** ISO time of the snapshot. */
  createdAt: string;
  /** The database's latest applied migration when the snapshot was read. */
  schemaVersion: { tag: string | null; createdAt: number; hash: string; applied: number };
  /** In restore order (referenced tables before the tables referring to them). */
  tables: CheckpointTableEntry[];
}

/**
 * Stored checkpoints: a consistent snapshot of the result, workflow and settings tables as a zip of
 * CSVs plus a manifest. The zip lives in the row (bytea) rather than in a file under the data dir:
 * one backup of the database carries its checkpoints along, and a snapshot of the built-in library
 * is a few MB. A database in the hundreds of MB of results would want files instead (bytea is read
 * whole into memory to be served).
 */
export const checkpoints = pgTable("checkpoints", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  manifest: jsonb("manifest").$type<CheckpointManifest>().notNull(),
  zip: bytea("zip").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
});

export type CheckpointRow = typeof checkpoints.$inferSelect;
