import type { JobHelpers, Task } from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import { HttpError } from "../../server/services/importers/http-json";
import { importKeyOf, importRequest } from "../../server/services/importers/import-request";
import { runSourceImport, setImportStatus } from "../../server/services/importers/source-imports";
import { errorMessage, isPermanentDatabaseError } from "../permanent-errors";

const payloadSchema = z.object({ request: importRequest });

// The importer queues structure jobs and saves its cursor through a pool of its own: graphile-worker
// lends a task one client, and a long import must not hold it. The pool reaches the database the
// worker's own client reaches (the runner may have been given a pool rather than DATABASE_URL).
const pools = new Map<string, pg.Pool>();
function poolLike(client: pg.PoolClient): pg.Pool {
  const c = (client as unknown as { connectionParameters: pg.ClientConfig }).connectionParameters;
  const name = `${c.user}@${c.host}:${c.port}/${c.database}`;
  let pool = pools.get(name);
  if (!pool) {
    pool = new pg.Pool({ user: c.user, password: c.password, host: c.host, port: c.port, database: c.database, max: 2, allowExitOnIdle: true });
    pool.on("error", (e) => console.error(`[import-source] idle connection error: ${e.message}`));
    pools.set(name, pool);
  }
  return pool;
}

/**
 * A request the source refuses (bad filter, bad API key, no key) or that cannot be read fails the
 * same way on every attempt; network trouble that outlasted the importer's own retries, a stopping
 * worker and database trouble may pass, so graphile-worker retries those (and the retry resumes).
 */
function isFinal(e: unknown): boolean {
  if (e instanceof HttpError) return e.status !== undefined && e.status < 500 && e.status !== 408 && e.status !== 429;
  if (isPermanentDatabaseError(e)) return true;
  const message = errorMessage(e);
  return /API key|refused the API key|not a|must be|needs at least/i.test(message);
}

/**
 * graphile-worker task `import-source`: one Materials Project or OPTIMADE import, page by page,
 * queuing an import-structure job per usable entry. Progress (cursor, counts) is saved after every
 * page, so a retried job, or one picked up after its worker stopped, resumes where it was. The
 * worker's MP_API_KEY (and MP_API_BASE_URL) are used: no key travels in the payload.
 */
export function importSourceTask(): Task {
  return async (payload, helpers: JobHelpers) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`import-source job ${helpers.job.id} has an invalid payload: ${parsed.error.message}`);
      return;
    }
    const { request } = parsed.data;
    const pool = await helpers.withPgClient(async (client) => poolLike(client as pg.PoolClient));
    const key = importKeyOf(request);
    try {
      await runSourceImport(request, { pool, signal: helpers.abortSignal });
    } catch (e) {
      const message = helpers.abortSignal.aborted ? "interrupted: the worker stopped; the import resumes from its last page" : errorMessage(e);
      const final = !helpers.abortSignal.aborted && (isFinal(e) || helpers.job.attempts >= helpers.job.max_attempts);
      await setImportStatus(pool, key, final ? "failed" : "queued", message).catch(() => undefined);
      if (final) return;
      throw e;
    }
  };
}
