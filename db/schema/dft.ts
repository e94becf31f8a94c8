import { sql } from "drizzle-orm";
import { boolean, doublePrecision, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pathways } from "./pathways";

/** Where a DFT result came from: files a user uploaded, or the dft stage's own run. */
export type DftSource = "upload" | "stage";

/**
 * DFT (VASP) energies of one pathway's band: the final free energy (TOTEN) of every image 00..N+1,
 * eV. One row per pathway; a new upload or stage run replaces it.
 */
export const dft = pgTable(
  "dft",
  {
    id: serial("id").primaryKey(),
    pathwayId: integer("pathway_id")
      .notNull()
      .references(() => pathways.id, { onDelete: "cascade" }),
    imageEnergies: jsonb("image_energies").$type<number[]>().notNull(),
    /** max − E(00), eV. */
    barrier: doublePrecision("barrier").notNull(),
    /** max − E(last), eV: the hop run backwards. */
    reverseBarrier: doublePrecision("reverse_barrier").notNull(),
    /** Every image's calculation converged by its own criteria (SCF within NELM, ionic by EDIFFG). */
    converged: boolean("converged").notNull(),
    source: text("source").$type<DftSource>().notNull(),
    /** Largest force on any atom of any image in the last ionic step, eV/Å. */
    forcesMax: doublePrecision("forces_max").notNull(),
    /** Per image: which file it was read from and its notes, for the pathway page. */
    files: jsonb("files").$type<string[]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("dft_pathway_id_key").on(t.pathwayId)],
);

export type DftRow = typeof dft.$inferSelect;
export type NewDftRow = typeof dft.$inferInsert;
