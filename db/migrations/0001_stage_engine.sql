CREATE TABLE "pathways" (
	"id" serial PRIMARY KEY NOT NULL,
	"structure_id" integer NOT NULL,
	"index" integer NOT NULL,
	"length" double precision NOT NULL,
	"start_frac" double precision[] NOT NULL,
	"midpoint_frac" double precision[] NOT NULL,
	"end_frac" double precision[] NOT NULL,
	"start_cart" double precision[] NOT NULL,
	"midpoint_cart" double precision[] NOT NULL,
	"end_cart" double precision[] NOT NULL,
	"start_orbit" integer NOT NULL,
	"end_orbit" integer NOT NULL,
	"start_wyckoff" text,
	"end_wyckoff" text,
	"multiplicity" integer NOT NULL,
	"hops_per_ion" double precision,
	"ion_fraction" double precision NOT NULL,
	"clearance" double precision NOT NULL,
	"nsites_777" integer NOT NULL,
	"nsites_101010" integer NOT NULL,
	"nsites_121212" integer NOT NULL,
	"ion" text NOT NULL,
	"max_length" double precision NOT NULL,
	"images" jsonb,
	"images_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_settings" (
	"stage" text PRIMARY KEY NOT NULL,
	"criteria" jsonb NOT NULL,
	"priority" jsonb NOT NULL,
	"concurrency" integer NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"params" jsonb NOT NULL,
	"auto_broaden" jsonb,
	"time_limit_seconds" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_settings_concurrency_check" CHECK ("stage_settings"."concurrency" >= 0),
	CONSTRAINT "stage_settings_time_limit_check" CHECK ("stage_settings"."time_limit_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "stage_settings_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"priority" jsonb NOT NULL,
	"concurrency" integer NOT NULL,
	"paused" boolean NOT NULL,
	"params" jsonb NOT NULL,
	"auto_broaden" jsonb,
	"time_limit_seconds" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pathways_structure_index" ON "pathways" USING btree ("structure_id","index");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_settings_versions_stage_version" ON "stage_settings_versions" USING btree ("stage","version");