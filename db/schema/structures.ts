import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Structure } from "../../lib/structure/structure";

export const STRUCTURE_SOURCES = ["library", "upload", "mp", "optimade"] as const;
export type StructureSource = (typeof STRUCTURE_SOURCES)[number];

/** Output table of the structures stage: one sanitised, deduplicated crystal per row. */
export const structures = pgTable(
  "structures",
  {
    id: serial("id").primaryKey(),
    source: text("source", { enum: STRUCTURE_SOURCES }).notNull(),
    sourceId: text("source_id"),
    formula: text("formula").notNull(),
    reducedFormula: text("reduced_formula").notNull(),
    chemsys: text("chemsys").notNull(),
    /** Element symbols, for "contains all of" filters with a GIN index. */
    elements: text("elements").array().notNull(),
    nsites: integer("nsites").notNull(),
    nelements: integer("nelements").notNull(),
    density: doublePrecision("density").notNull(),
    volume: doublePrecision("volume").notNull(),
    spacegroupNumber: integer("spacegroup_number").notNull(),
    spacegroupSymbol: text("spacegroup_symbol").notNull(),
    structure: jsonb("structure").$type<Structure>().notNull(),
    finalEnergy: doublePrecision("final_energy"),
    energyAboveHull: doublePrecision("e_above_hull"),
    formationEnergyPerAtom: doublePrecision("formation_energy_per_atom"),
    fingerprint: text("fingerprint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("structures_fingerprint_key").on(t.fingerprint),
    index("structures_elements_idx").using("gin", t.elements),
    index("structures_nsites_idx").on(t.nsites),
    index("structures_spacegroup_idx").on(t.spacegroupNumber),
    check("structures_source_check", sql`${t.source} in ('library', 'upload', 'mp', 'optimade')`),
  ],
);

export type StructureRow = typeof structures.$inferSelect;
export type NewStructureRow = typeof structures.$inferInsert;
