import { sql } from "drizzle-orm";
import { doublePrecision, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { structures } from "./structures";

/**
 * Output of the percolation stage, one row per structure: framework-mode BVSE percolation barriers
 * of the mobile ion (every site of its species removed), eV above the energy grid's minimum.
 */
export const percolation = pgTable(
  "percolation",
  {
    id: serial("id").primaryKey(),
    structureId: integer("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    ion: text("ion").notNull(),
    /** Energy grid spacing, Å. */
    gridSpacing: doublePrecision("grid_spacing").notNull(),
    /** Lowest level at which the ion percolates in 1, 2, 3 directions; null when it never does on the grid. */
    percolation1d: doublePrecision("percolation_1d"),
    percolation2d: doublePrecision("percolation_2d"),
    percolation3d: doublePrecision("percolation_3d"),
    /** The grid's lowest BVSE, eV: the level the barriers are measured from. */
    minimumEnergy: doublePrecision("minimum_energy").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("percolation_structure_id_key").on(t.structureId)],
);

export type PercolationRow = typeof percolation.$inferSelect;
export type NewPercolationRow = typeof percolation.$inferInsert;
