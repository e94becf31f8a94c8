CREATE TABLE "checkpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"manifest" jsonb NOT NULL,
	"zip" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"prune_schedule" text DEFAULT '0 3 * * *' NOT NULL,
	"prune_older_than_seconds" integer DEFAULT 604800 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_settings_single_row" CHECK ("maintenance_settings"."id" = 1),
	CONSTRAINT "maintenance_settings_age_check" CHECK ("maintenance_settings"."prune_older_than_seconds" >= 0)
);
