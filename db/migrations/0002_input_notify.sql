-- Stage feeders LISTEN on "hopscape_inputs" to claim new input as soon as it is written, instead of
-- waiting for their next timer tick. Statement-level, so a bulk insert sends one notification, and
-- PostgreSQL folds identical notifications of one transaction into one.
CREATE OR REPLACE FUNCTION "hopscape_notify_input"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hopscape_inputs', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "structures_notify_input" AFTER INSERT ON "structures"
  FOR EACH STATEMENT EXECUTE FUNCTION "hopscape_notify_input"();
--> statement-breakpoint
CREATE TRIGGER "pathways_notify_input" AFTER INSERT ON "pathways"
  FOR EACH STATEMENT EXECUTE FUNCTION "hopscape_notify_input"();
