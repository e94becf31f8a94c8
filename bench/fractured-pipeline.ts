import { randomBytes } from "node:crypto";
import { createDb, createPool } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import type { Structure } from "../lib/structure/structure";
import { enqueueStructureImport } from "../server/services/structure-import";
import { resolveBaseServer } from "../tests/helpers/base-server";
import { adminQuery, databaseUrlFor } from "../tests/helpers/database-admin";
import { startPipeline } from "../workers/engine/pipeline";
import { saveStageSettings } from "../workers/engine/settings";
import { STAGES } from "../workers/stages/index";

export interface FracturedResult {
  wallMs: number;
  /** Per stage: summed run time (started → finished) and runs. */
  stages: Array<{ stage: string; busyMs: number; runs: number }>;
  pathways: number;
  barriers: number;
  failed: number;
}

/**
 * The fractured pipeline on a database made for this run (the same server the tests use: TEST_DATABASE_URL,
 * the local server on 5432, or the embedded one), dropped afterwards. Every stage may use all `concurrency`
 * job slots (stage concurrency = the runner's), so only the runner's total limits the work in flight, as in the
 * threaded fixed run; broadening is off, since `analyze` does not broaden either. Barriers keep their default
 * screen unless `allBarriers`, which computes every pathway's barrier like the fixed workflow.
 */
export async function runFractured(
  entries: Array<{ id: string; structure: Structure }>,
  concurrency: number,
  options: { allBarriers?: boolean } = {},
): Promise<FracturedResult> {
  const base = await resolveBaseServer();
  const name = `hopscape_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(base.url, `create database ${name}`);
  const pool = createPool(databaseUrlFor(base.url, name), 4);
  try {
    await migrateDatabase(pool);
    const db = createDb(pool);
    // Stages off by default (concurrency 0, e.g. dft running an external calculator) stay off.
    for (const stage of STAGES.filter((s) => s.defaults.concurrency > 0)) {
      await saveStageSettings(
        db,
        stage,
        {
          concurrency,
          autoBroaden: null,
          ...(options.allBarriers && stage.name === "barriers" ? { criteria: [] } : {}),
        },
        "bench",
      );
    }
    const { rows: startRows } = await pool.query<{ now: Date }>("select clock_timestamp() as now");
    const pipeline = await startPipeline({ pgPool: pool, concurrency, tickMs: 200 });
    for (const e of entries) await enqueueStructureImport({ source: "library", sourceId: e.id, structure: e.structure }, pool);
    try {
      // Settled: nothing waiting or running, and a feeder tick finds nothing more to claim.
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const { rows } = await pool.query<{ busy: number; imports: number }>(
          `select (select count(*) from stage_runs where status in ('pending', 'queued', 'running'))::int as busy,
                  (select count(*) from stage_runs where stage = 'structures')::int as imports`,
        );
        if (rows[0].busy > 0 || rows[0].imports < entries.length) continue;
        const report = await pipeline.feeder.tick();
        if (report.every((r) => r.claimed.length === 0 && !r.busy)) break;
      }
    } finally {
      await pipeline.stop();
    }
    const { rows: stageRows } = await pool.query<{ stage: string; busy_ms: number; runs: number }>(
      `select stage, coalesce(sum(extract(epoch from finished_at - started_at) * 1000), 0)::float8 as busy_ms, count(*)::int as runs
         from stage_runs where started_at is not null and finished_at is not null group by stage`,
    );
    const { rows: totals } = await pool.query<{ wall_ms: number; pathways: number; barriers: number; failed: number }>(
      `select extract(epoch from (select max(finished_at) from stage_runs) - $1::timestamptz) * 1000 as wall_ms,
              (select count(*) from pathways)::int as pathways, (select count(*) from barriers)::int as barriers,
              (select count(*) from stage_runs where status = 'failed')::int as failed`,
      [startRows[0].now],
    );
    const order = ["structures", ...STAGES.filter((s) => s.defaults.concurrency > 0).map((s) => s.name)];
    return {
      wallMs: Number(totals[0].wall_ms),
      stages: order.map((stage) => {
        const r = stageRows.find((x) => x.stage === stage);
        return { stage, busyMs: r ? Number(r.busy_ms) : 0, runs: r?.runs ?? 0 };
      }),
      pathways: totals[0].pathways,
      barriers: totals[0].barriers,
      failed: totals[0].failed,
    };
  } finally {
    await pool.end();
    await adminQuery(base.url, `drop database if exists ${name} with (force)`);
    await base.stop?.();
  }
}
