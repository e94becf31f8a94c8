-- "Move to front" on the queues page: the feeder claims pending runs with front_at first, latest first.
ALTER TABLE "stage_runs" ADD COLUMN "front_at" timestamp with time zone;
