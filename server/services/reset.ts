import type pg from "pg";

/** A reset that must not go ahead; the message says why and what to do. */
export class ResetRefused extends Error {}

/** A worker with a heartbeat this recent is taken for running. */
const LIVE_WORKER_SECONDS = 60;

export interface ResetResult {
  /** Tables emptied (ids restart at 1); `workers` keeps the rows of live workers. */
  tables: string[];
  /** graphile-worker jobs deleted (queued, running or permanently failed). */
  jobs: number;
}

/**
 * Empties the database as the original workflow's first step did: every hopscape table (results,
 * runs, settings, maintenance settings, the rows of stopped workers) and every graphile-worker job,
 * with ids restarting at 1. Stored checkpoints are kept unless `checkpoints` is set, so a reset can be followed by a
 * restore from the Checkpoints page. Refuses while a worker is alive (it would keep writing into the
 * emptied tables), unless `force`.
 */
export async function resetDatabase(pool: pg.Pool, options: { force?: boolean; checkpoints?: boolean } = {}): Promise<ResetResult> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    if (!options.force) {
      const { rows } = await client.query<{ id: string }>(
        `select id from workers where stopped_at is null and last_heartbeat > now() - make_interval(secs => $1) order by id`,
        [LIVE_WORKER_SECONDS],
      );
      if (rows.length > 0) {
        throw new ResetRefused(
          `refusing to reset while workers are running (${rows.map((r) => r.id).join(", ")}: heartbeat within ${LIVE_WORKER_SECONDS} s). ` +
            "Stop them (Ctrl-C in `npm start` or `hopscape worker`) and try again, or pass --force.",
        );
      }
    }
    const { rows: tableRows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'workers'
          and ($1 or c.relname <> 'checkpoints') order by c.relname`,
      [options.checkpoints === true],
    );
    const tables = tableRows.map((r) => r.name);
    const { rows: jobRows } = await client.query<{ n: string }>("select count(*)::text as n from graphile_worker._private_jobs");
    const names = tables.map((t) => `public."${t.replace(/"/g, '""')}"`);
    // graphile-worker's task identifiers and known crontabs are bookkeeping, not data: kept.
    names.push("graphile_worker._private_jobs", "graphile_worker._private_job_queues");
    await client.query(`truncate table ${names.join(", ")} restart identity cascade`);
    // Live workers (only there with `force`) keep their rows: the engine takes a run whose worker row
    // is missing for lost, so emptying them under a running `npm start` would requeue its every run.
    await client.query("delete from workers where stopped_at is not null or last_heartbeat <= now() - make_interval(secs => $1)", [
      LIVE_WORKER_SECONDS,
    ]);
    await client.query("commit");
    return { tables, jobs: Number(jobRows[0].n) };
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
