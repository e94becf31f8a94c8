import { sql } from "drizzle-orm";
import { doublePrecision, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { HopImages } from "../../lib/interpolation/hop-images";
import type { EquivalentHop } from "../../lib/pathways/distinct-hops";
import type { Vec3 } from "../../lib/structure/vector";
import { structures } from "./structures";

/** The supercell band of one hop as lib/interpolation builds it, stored for later energy stages. */
export type PathwayImages = HopImages;

/**
 * Output of the pathways stage: the symmetry-distinct hops of the mobile ion in one structure,
 * shortest first. `index` is the hop's rank in that order, so (structure_id, index) identifies a
 * hop across re-runs and a re-run updates rows instead of adding them.
 */
export const pathways = pgTable(
  "pathways",
  {
    id: serial("id").primaryKey(),
    structureId: integer("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    /** Hop length, Å. */
    length: doublePrecision("length").notNull(),
    startFrac: doublePrecision("start_frac").array().$type<Vec3>().notNull(),
    midpointFrac: doublePrecision("midpoint_frac").array().$type<Vec3>().notNull(),
    endFrac: doublePrecision("end_frac").array().$type<Vec3>().notNull(),
    startCart: doublePrecision("start_cart").array().$type<Vec3>().notNull(),
    midpointCart: doublePrecision("midpoint_cart").array().$type<Vec3>().notNull(),
    endCart: doublePrecision("end_cart").array().$type<Vec3>().notNull(),
    startOrbit: integer("start_orbit").notNull(),
    endOrbit: integer("end_orbit").notNull(),
    /**
     * Input-site indices of the representative hop's ends, and every equivalent hop of the cell:
     * the measures stage needs them (oxidation state of the moving ion, dimensionality). Null on rows
     * written before these columns existed; re-running the pathways stage fills them.
     */
    startSite: integer("start_site"),
    endSite: integer("end_site"),
    hops: jsonb("hops").$type<EquivalentHop[]>(),
    startWyckoff: text("start_wyckoff"),
    endWyckoff: text("end_wyckoff"),
    /** Equivalent hops per cell of the stored structure. */
    multiplicity: integer("multiplicity").notNull(),
    hopsPerIon: doublePrecision("hops_per_ion"),
    ionFraction: doublePrecision("ion_fraction").notNull(),
    /** Closest approach of another atom to the straight hop, Å. */
    clearance: doublePrecision("clearance").notNull(),
    nsites777: integer("nsites_777").notNull(),
    nsites101010: integer("nsites_101010").notNull(),
    nsites121212: integer("nsites_121212").notNull(),
    ion: text("ion").notNull(),
    /** The maxLength (Å) the hop search ran with when this row was last written. */
    maxLength: doublePrecision("max_length").notNull(),
    /** Null when no clash-free band could be built; `images_error` then says why. */
    images: jsonb("images").$type<PathwayImages>(),
    imagesError: text("images_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("pathways_structure_index").on(t.structureId, t.index)],
);

export type PathwayRow = typeof pathways.$inferSelect;
export type NewPathwayRow = typeof pathways.$inferInsert;
