import type pg from "pg";
import { createPool, databaseUrl } from "../../db/client";
import { IMPORT_STRUCTURE_TASK, STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import { IMPORT_SOURCE_TASK } from "../../server/services/importers/import-request";
import { startWorkerRunner, type WorkerRunner } from "../runner";
import { STAGES, stageNamed } from "../stages/index";
import { acquireComputePool, releaseComputePool } from "./compute-pool";
import { stageTaskIdentifier, type AnyStage } from "./define-stage";
import { startFeeder, type Feeder, type FeederOptions } from "./feeder";

export interface PipelineOptions {
  /** Stage names to work on (`structures` is the import stage); default all. */
  stages?: string[];
  /** Jobs this process runs at once (graphile-worker concurrency); default as the runner's. */
  concurrency?: number;
  /** Database; default DATABASE_URL. Ignored when `pgPool` is given. */
  connectionString?: string;
  pgPool?: pg.Pool;
  tickMs?: number;
  heartbeatMs?: number;
  recovery?: FeederOptions["recovery"];
  onReport?: FeederOptions["onReport"];
}

export interface Pipeline {
  /** workers.id of this process. */
  workerId: string;
  runner: WorkerRunner;
  feeder: Feeder;
  /** Stops feeding, lets running jobs finish, and releases threads and connections. */
  stop(): Promise<void>;
}

/** Every stage name a pipeline can run: the import stage and the engine's stages. */
export const PIPELINE_STAGE_NAMES = [STRUCTURES_STAGE, ...STAGES.map((s) => s.name)];

/**
 * Runs the listed stages in this process: their feeders (claiming input, keeping each stage's jobs in
 * flight at its concurrency) and a graphile-worker runner for their tasks. Any number of processes
 * may run pipelines against one database; feeders take turns per stage and claims never collide.
 * Expects a migrated database.
 */
export async function startPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const names = options.stages ?? PIPELINE_STAGE_NAMES;
  for (const name of names) {
    if (!PIPELINE_STAGE_NAMES.includes(name)) throw new Error(`unknown stage "${name}"; stages: ${PIPELINE_STAGE_NAMES.join(", ")}`);
  }
  const engineStages: AnyStage[] = names.filter((n) => n !== STRUCTURES_STAGE).map(stageNamed);
  const tasks = [
    ...(names.includes(STRUCTURES_STAGE) ? [IMPORT_STRUCTURE_TASK, IMPORT_SOURCE_TASK] : []),
    ...engineStages.map((s) => stageTaskIdentifier(s.name)),
  ];
  // The feeder holds one connection for LISTEN and uses one more per tick.
  const ownPool = options.pgPool ? undefined : createPool(options.connectionString ?? databaseUrl(), 4);
  const pool = options.pgPool ?? ownPool!;
  acquireComputePool();
  let runner: WorkerRunner | undefined;
  try {
    runner = await startWorkerRunner({
      pgPool: options.pgPool,
      connectionString: options.connectionString,
      concurrency: options.concurrency,
      heartbeatMs: options.heartbeatMs,
      only: tasks,
    });
    const feeder = await startFeeder({
      pool,
      stages: engineStages,
      tickMs: options.tickMs,
      recovery: { ...options.recovery, liveWorkerId: runner.id },
      onReport: options.onReport,
    });
    let stopping: Promise<void> | undefined;
    const started = runner;
    return {
      workerId: started.id,
      runner: started,
      feeder,
      stop() {
        stopping ??= (async () => {
          await feeder.stop();
          await started.stop();
          await releaseComputePool();
          await ownPool?.end();
        })();
        return stopping;
      },
    };
  } catch (e) {
    await runner?.stop();
    await releaseComputePool();
    await ownPool?.end();
    throw e;
  }
}
