import os from "node:os";
import { run, type Runner } from "graphile-worker";
import type pg from "pg";
import { createDb, createPool, databaseUrl } from "../db/client";
import { quietWorkerLogger } from "../db/worker-logger";
import { createTaskList } from "./task-list";
import { PRUNE_TASK, pruneCron, pruneTask } from "./tasks/prune";
import { registerWorker, type WorkerRegistration } from "./worker-registration";

export interface WorkerRunnerOptions {
  /** Database to work on; default DATABASE_URL. Ignored when `pgPool` is given. */
  connectionString?: string;
  /** A pool to use (and leave open) instead of opening one. */
  pgPool?: pg.Pool;
  /** Jobs run at once; default HOPSCAPE_WORKER_CONCURRENCY or the number of CPUs. */
  concurrency?: number;
  /** How often to look for jobs when no notification arrives (ms); graphile-worker's default is 2000. */
  pollIntervalMs?: number;
  heartbeatMs?: number;
  /** Task identifiers to run (e.g. `--only`); default every registered task. */
  only?: string[];
  /** Run the maintenance cron (pruning) too; default true. Not a stage, so `only` does not select it. */
  maintenance?: boolean;
}

export interface WorkerRunner {
  /** The workers.id of this runner. */
  id: string;
  runner: Runner;
  /** Finishes the running jobs, stops taking new ones, and closes the pool if it opened it. */
  stop(): Promise<void>;
}

function defaultConcurrency(): number {
  const raw = process.env.HOPSCAPE_WORKER_CONCURRENCY;
  if (raw === undefined || raw === "") return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HOPSCAPE_WORKER_CONCURRENCY must be a positive integer, not ${raw}`);
  return n;
}

/**
 * Puts the id graphile-worker locks this process's jobs with on record before it locks any. In 0.17
 * that is the worker pool's id (`pool-…`, written to `locked_by` of the job and of its named queue;
 * the `pool:create` and `worker:create` events show it as `workerPool.id`), not the id of the worker
 * running the job. Every worker of the pool awaits its `startWorker` hook before fetching its first
 * job, so recovery can force open the jobs of a process that died whatever it was running.
 */
function recordLockIdPlugin(registration: WorkerRegistration): GraphileConfig.Plugin {
  return {
    name: "HopscapeRecordLockId",
    version: "1.0.0",
    worker: { hooks: { startWorker: (_ctx, { worker }) => registration.addGraphileLockId(worker.workerPool.id) } },
  };
}

/**
 * Starts a graphile-worker runner for every registered task (it applies graphile-worker's own
 * migrations itself) and registers the process in the workers table. Signals are left to the caller,
 * which knows what else must stop and in which order.
 */
export async function startWorkerRunner(options: WorkerRunnerOptions = {}): Promise<WorkerRunner> {
  const concurrency = options.concurrency ?? defaultConcurrency();
  const ownPool = options.pgPool ? undefined : createPool(options.connectionString ?? databaseUrl(), concurrency + 4);
  const pgPool = options.pgPool ?? ownPool!;
  let cron: Awaited<ReturnType<typeof pruneCron>> | undefined;
  try {
    const db = createDb(pgPool);
    // The task identifiers are the same whatever the context, so they can name the stages up front.
    const stages = Object.keys(createTaskList({ workerId: "" })).filter((t) => !options.only || options.only.includes(t));
    const registration = await registerWorker(db, stages, options.heartbeatMs);
    // Every worker process schedules the prune job; graphile-worker's known_crontabs lets one of them run it.
    cron = options.maintenance === false ? undefined : await pruneCron(pgPool);
    const runner = await run({
      pgPool,
      taskList: {
        ...Object.fromEntries(Object.entries(createTaskList({ workerId: registration.id })).filter(([t]) => stages.includes(t))),
        ...(cron ? { [PRUNE_TASK]: pruneTask } : {}),
      },
      parsedCronItems: cron?.items ?? [],
      concurrency,
      pollInterval: options.pollIntervalMs,
      noHandleSignals: true,
      logger: quietWorkerLogger,
      preset: { plugins: [recordLockIdPlugin(registration)] },
    });
    let stopping: Promise<void> | undefined;
    return {
      id: registration.id,
      runner,
      stop() {
        stopping ??= (async () => {
          cron?.stop();
          await runner.stop();
          await registration.unregister();
          await ownPool?.end();
        })();
        return stopping;
      },
    };
  } catch (e) {
    cron?.stop();
    await ownPool?.end();
    throw e;
  }
}
