-- Grants for hopscape's limited worker role (docs/deployment.md). Run as the database owner (the
-- role hopscape migrates with) in the hopscape database, after the role exists:
--   CREATE ROLE hopscape_worker LOGIN PASSWORD '…';
--   psql "$OWNER_DATABASE_URL" -f docs/worker-role.sql
-- Idempotent: run it again after every upgrade, since a new migration may add a table.
-- tests/integration/auth-worker-role.test.ts runs this file and a whole pipeline as the role.

DO $$ BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO hopscape_worker', current_database());
END $$;

-- Reading: every stage joins its inputs, criteria and rankings over the results and structures;
-- the prune job reads maintenance_settings; a worker checks the schema is current on start.
GRANT USAGE ON SCHEMA public, drizzle, graphile_worker TO hopscape_worker;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO hopscape_worker;
GRANT SELECT ON drizzle.__drizzle_migrations TO hopscape_worker;

-- Results, written by the stages (INSERT … ON CONFLICT DO UPDATE on re-runs): never deleted by workers.
GRANT INSERT, UPDATE ON structures, pathways, measures, barriers, percolation, dft TO hopscape_worker;
-- Progress of remote imports (MP, OPTIMADE), run as jobs.
GRANT INSERT, UPDATE ON import_progress TO hopscape_worker;
-- Settings: a worker creates a stage's defaults on first use, and auto-broaden saves a new version.
GRANT INSERT, UPDATE ON stage_settings, stage_settings_versions TO hopscape_worker;
-- Workflow state: runs are claimed, finished and retried; registrations beat; the prune job deletes
-- old finished runs and silent workers.
GRANT INSERT, UPDATE, DELETE ON stage_runs, workers TO hopscape_worker;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO hopscape_worker;

-- The job queue: the runner takes, finishes and reschedules jobs, records its cron runs, and the
-- prune job deletes jobs out of attempts.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO hopscape_worker;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO hopscape_worker;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO hopscape_worker;
-- graphile-worker turns on row-level security on its tables with no policy, which hides every row
-- from any role but their owner: the worker role gets a policy of its own on each of them.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'graphile_worker' AND tablename = t AND policyname = 'hopscape_worker_jobs') THEN
      EXECUTE format('CREATE POLICY hopscape_worker_jobs ON graphile_worker.%I FOR ALL TO hopscape_worker USING (true) WITH CHECK (true)', t);
    END IF;
  END LOOP;
END $$;

-- Not granted: checkpoints and maintenance_settings are read only (restore, reset and settings are
-- the web server's and the CLI's, with the owner role), no DDL anywhere, and no TRUNCATE.
