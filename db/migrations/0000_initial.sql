CREATE TABLE "structures" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"formula" text NOT NULL,
	"reduced_formula" text NOT NULL,
	"chemsys" text NOT NULL,
	"elements" text[] NOT NULL,
	"nsites" integer NOT NULL,
	"nelements" integer NOT NULL,
	"density" double precision NOT NULL,
	"volume" double precision NOT NULL,
	"spacegroup_number" integer NOT NULL,
	"spacegroup_symbol" text NOT NULL,
	"structure" jsonb NOT NULL,
	"final_energy" double precision,
	"e_above_hull" double precision,
	"formation_energy_per_atom" double precision,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structures_source_check" CHECK ("structures"."source" in ('library', 'upload', 'mp', 'optimade'))
);
--> statement-breakpoint
CREATE TABLE "stage_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"input_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"note" text,
	"result" jsonb,
	"worker_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "stage_runs_status_check" CHECK ("stage_runs"."status" in ('pending', 'queued', 'running', 'done', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"stages" text[] NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_heartbeat" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "structures_fingerprint_key" ON "structures" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "structures_elements_idx" ON "structures" USING gin ("elements");--> statement-breakpoint
CREATE INDEX "structures_nsites_idx" ON "structures" USING btree ("nsites");--> statement-breakpoint
CREATE INDEX "structures_spacegroup_idx" ON "structures" USING btree ("spacegroup_number");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_runs_stage_input_key" ON "stage_runs" USING btree ("stage","input_key");--> statement-breakpoint
CREATE INDEX "stage_runs_stage_status_idx" ON "stage_runs" USING btree ("stage","status");