import type { JobHelpers } from "graphile-worker";
import type pg from "pg";

/**
 * What graphile-worker gives a task, as far as the stage task uses it: the job's id and attempts, a
 * pooled client, and a logger whose warnings and errors land in `warnings`.
 */
export function fakeJobHelpers(pool: pg.Pool, warnings: string[]) {
  return (jobId: string) =>
    ({
      job: { id: jobId, attempts: 1, max_attempts: 3 },
      withPgClient: async (fn: (client: unknown) => Promise<unknown>) => {
        const client = await pool.connect();
        try {
          return await fn(client);
        } finally {
          client.release();
        }
      },
      logger: { warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) },
    }) as unknown as JobHelpers;
}
