CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"pathway_id" integer NOT NULL,
	"oxidation_state" integer NOT NULL,
	"dimensionality" integer NOT NULL,
	"dimensionality_cumlengths" integer NOT NULL,
	"ewald_energy" double precision,
	"ionic_radii_overlap_cations" double precision,
	"ionic_radii_overlap_anions" double precision,
	"skipped" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "barriers" (
	"id" serial PRIMARY KEY NOT NULL,
	"pathway_id" integer NOT NULL,
	"idpp_energies" jsonb NOT NULL,
	"idpp_barrier" double precision NOT NULL,
	"relaxed_energies" jsonb NOT NULL,
	"relaxed_barrier" double precision NOT NULL,
	"relaxed_reverse_barrier" double precision NOT NULL,
	"relaxed_converged" boolean NOT NULL,
	"relaxed_climbing_image" boolean NOT NULL,
	"energy_start" double precision NOT NULL,
	"energy_midpoint" double precision NOT NULL,
	"energy_end" double precision NOT NULL,
	"energy_barrier" double precision NOT NULL,
	"neb_images" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "percolation" (
	"id" serial PRIMARY KEY NOT NULL,
	"structure_id" integer NOT NULL,
	"ion" text NOT NULL,
	"grid_spacing" double precision NOT NULL,
	"percolation_1d" double precision,
	"percolation_2d" double precision,
	"percolation_3d" double precision,
	"minimum_energy" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathways" ADD COLUMN "start_site" integer;--> statement-breakpoint
ALTER TABLE "pathways" ADD COLUMN "end_site" integer;--> statement-breakpoint
ALTER TABLE "pathways" ADD COLUMN "hops" jsonb;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "percolation" ADD CONSTRAINT "percolation_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measures_pathway_id_key" ON "measures" USING btree ("pathway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "barriers_pathway_id_key" ON "barriers" USING btree ("pathway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "percolation_structure_id_key" ON "percolation" USING btree ("structure_id");--> statement-breakpoint
-- The barriers stage reads pathways joined with measures: a new measures row can make a pathway
-- eligible, so it wakes the feeders as a new input row does (see 0002_input_notify).
CREATE TRIGGER "measures_notify_input" AFTER INSERT ON "measures"
  FOR EACH STATEMENT EXECUTE FUNCTION "hopscape_notify_input"();
