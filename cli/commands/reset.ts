import { parseArgs } from "node:util";
import { createPool, databaseUrl } from "../../db/client";
import { resetDatabase } from "../../server/services/reset";

/**
 * `hopscape reset --yes [--force] [--checkpoints]`: empties the database at DATABASE_URL (every
 * hopscape table and graphile-worker job; stored checkpoints stay unless --checkpoints). Without
 * --yes it only says what it would do.
 */
export async function resetCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { yes: { type: "boolean" }, force: { type: "boolean" }, checkpoints: { type: "boolean" } } });
  const url = databaseUrl();
  if (!values.yes) {
    console.error(
      [
        `hopscape reset empties the database at ${new URL(url).pathname.slice(1) || url}: every structure, pathway, measure,`,
        "barrier and percolation result, every stage run and setting, and every queued job — nothing can be undone.",
        "Stored checkpoints are kept (add --checkpoints to delete them too). Make one first with `hopscape checkpoint create`.",
        "To go ahead, run: hopscape reset --yes",
      ].join("\n"),
    );
    return 2;
  }
  const pool = createPool(url, 2);
  try {
    const r = await resetDatabase(pool, { force: values.force, checkpoints: values.checkpoints });
    console.log(`emptied ${r.tables.length} tables (${r.tables.join(", ")}) and deleted ${r.jobs} jobs`);
    return 0;
  } finally {
    await pool.end();
  }
}
