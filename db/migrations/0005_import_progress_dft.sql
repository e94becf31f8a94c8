CREATE TABLE "import_progress" (
	"key" text PRIMARY KEY NOT NULL,
	"source" text,
	"request" jsonb,
	"cursor" text,
	"counts" jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dft" (
	"id" serial PRIMARY KEY NOT NULL,
	"pathway_id" integer NOT NULL,
	"image_energies" jsonb NOT NULL,
	"barrier" double precision NOT NULL,
	"reverse_barrier" double precision NOT NULL,
	"converged" boolean NOT NULL,
	"source" text NOT NULL,
	"forces_max" double precision NOT NULL,
	"files" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dft" ADD CONSTRAINT "dft_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dft_pathway_id_key" ON "dft" USING btree ("pathway_id");--> statement-breakpoint
-- The dft stage reads pathways joined with barriers: a new barriers row can make a pathway
-- eligible, so it wakes the feeders as a new input row does (see 0002_input_notify).
CREATE TRIGGER "barriers_notify_input" AFTER INSERT ON "barriers"
  FOR EACH STATEMENT EXECUTE FUNCTION "hopscape_notify_input"();
