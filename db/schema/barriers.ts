import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pathways } from "./pathways";

/**
 * Output of the barriers stage: BVSE energy profiles of one pathway in its vacancy supercell
 * (lib/analysis pathwayBarrier), for the pathways that pass the stage's criteria. Energies in eV.
 */
export const barriers = pgTable(
  "barriers",
  {
    id: serial("id").primaryKey(),
    pathwayId: integer("pathway_id")
      .notNull()
      .references(() => pathways.id, { onDelete: "cascade" }),
    /** BVSE of the moving ion at each IDPP image, ends included. */
    idppEnergies: jsonb("idpp_energies").$type<number[]>().notNull(),
    /** max − E_start over the IDPP profile. */
    idppBarrier: doublePrecision("idpp_barrier").notNull(),
    /** BVSE along the nudged elastic band relaxed from the IDPP positions. */
    relaxedEnergies: jsonb("relaxed_energies").$type<number[]>().notNull(),
    relaxedBarrier: doublePrecision("relaxed_barrier").notNull(),
    /** max − E_end: the barrier of the hop run backwards. */
    relaxedReverseBarrier: doublePrecision("relaxed_reverse_barrier").notNull(),
    relaxedConverged: boolean("relaxed_converged").notNull(),
    /** False when the climbing image did not converge and a plain band did. */
    relaxedClimbingImage: boolean("relaxed_climbing_image").notNull(),
    /** The original workflow's start / midpoint / end estimate on the IDPP images. */
    energyStart: doublePrecision("energy_start").notNull(),
    energyMidpoint: doublePrecision("energy_midpoint").notNull(),
    energyEnd: doublePrecision("energy_end").notNull(),
    energyBarrier: doublePrecision("energy_barrier").notNull(),
    /** The stage's nebImages parameter when this row was written. */
    nebImages: integer("neb_images").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("barriers_pathway_id_key").on(t.pathwayId),
    // The pathways table's sorts by the barriers it shows, with the list's tie-breaker (the pathway id):
    // a page is read in index order instead of sorting every barrier (server/services/pathway-queries.ts).
    index("barriers_relaxed_barrier_idx").on(t.relaxedBarrier, t.pathwayId),
    index("barriers_energy_barrier_idx").on(t.energyBarrier, t.pathwayId),
  ],
);

export type BarriersRow = typeof barriers.$inferSelect;
export type NewBarriersRow = typeof barriers.$inferInsert;
