import type pg from "pg";
import { libraryStructures } from "../../lib/library/build";
import { enqueueStructureImport } from "../../server/services/structure-import";
import { startPipeline } from "../../workers/engine/pipeline";
import { saveStageSettings } from "../../workers/engine/settings";
import { pathwaysStage } from "../../workers/stages/pathways";
import { createDb } from "../../db/client";
import { waitFor } from "./engine-fixtures";

/**
 * Every table of the public schema as sorted JSON rows (to_jsonb keeps doubles' exact digits and
 * timestamps' microseconds), for comparing two databases value by value.
 */
export async function dumpTables(pool: pg.Pool, except: string[] = ["workers", "checkpoints"]): Promise<Record<string, string[]>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and relname <> all($1::text[]) order by relname`,
    [except],
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ j: string }>(`select to_jsonb(x)::text as j from "${name}" x order by j`);
    out[name] = rows.map((r) => r.j);
  }
  return out;
}

/** Runs LiF rock salt through every stage (import, pathways, measures, barriers, percolation) until nothing is in flight. */
export async function runLibraryLiF(pool: pg.Pool): Promise<void> {
  const entry = libraryStructures().find((e) => e.id === "LiF-rocksalt")!;
  await saveStageSettings(createDb(pool), pathwaysStage, { autoBroaden: null }, "test: no broadening");
  await enqueueStructureImport({ source: "library", sourceId: entry.id, structure: entry.structure }, pool);
  const pipeline = await startPipeline({ pgPool: pool, concurrency: 4, tickMs: 200, heartbeatMs: 1000 });
  try {
    await waitFor(
      "LiF through every stage",
      async () => {
        // A tick first: an input that became eligible a moment ago (barriers of a pathway whose measures
        // just landed) has no run yet, and only a claim makes it count as busy.
        await pipeline.feeder.tick();
        const { rows } = await pool.query(`select
          (select count(*) from stage_runs where status in ('pending', 'queued', 'running'))::int as busy,
          (select count(*) from barriers)::int as barriers, (select count(*) from percolation)::int as percolation,
          (select count(*) from pathways)::int as pathways, (select count(*) from measures)::int as measures`);
        const s = rows[0];
        return s.busy === 0 && s.percolation === 1 && s.pathways > 0 && s.measures === s.pathways && s.barriers > 0 ? s : undefined;
      },
      90_000,
    );
  } finally {
    await pipeline.stop();
  }
}
