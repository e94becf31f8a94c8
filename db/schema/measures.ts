import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pathways } from "./pathways";

/**
 * Output of the measures stage: one row per pathway, named as the original workflow's columns.
 * Dimensionalities need only the hop network and are always set; the charge-based measures need
 * oxidation states and the pathway's image band, and are null without them (`skipped` says why),
 * exactly as `hopscape analyze` reports them.
 */
export const measures = pgTable(
  "measures",
  {
    id: serial("id").primaryKey(),
    pathwayId: integer("pathway_id")
      .notNull()
      .references(() => pathways.id, { onDelete: "cascade" }),
    /** Formal oxidation state of the moving ion; 0 when no charge-balanced assignment exists. */
    oxidationState: integer("oxidation_state").notNull(),
    /** Larsen dimensionality of the network of this hop's equivalent hops (0–3). */
    dimensionality: integer("dimensionality").notNull(),
    /** The same, with every hop of the structure no longer than this one. */
    dimensionalityCumlengths: integer("dimensionality_cumlengths").notNull(),
    /** Largest relative rise of the moving ion's Ewald site energy along the band (dimensionless). */
    ewaldEnergy: doublePrecision("ewald_energy"),
    /** Signed largest change of the ionic-radii overlap with cations (anions) from the start, Å. */
    ionicRadiiOverlapCations: doublePrecision("ionic_radii_overlap_cations"),
    ionicRadiiOverlapAnions: doublePrecision("ionic_radii_overlap_anions"),
    /** Why the charge-based measures are null (no oxidation states, no image band); null when computed. */
    skipped: text("skipped"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("measures_pathway_id_key").on(t.pathwayId),
    // The screening filter "dimensionality ≥ n" of the pathways table, and its count, read this index
    // alone (with the pathway id to join the other filters on) instead of the measures heap.
    index("measures_dimensionality_idx").on(t.dimensionality, t.pathwayId),
  ],
);

export type MeasuresRow = typeof measures.$inferSelect;
export type NewMeasuresRow = typeof measures.$inferInsert;
