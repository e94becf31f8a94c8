/** The worker processes that run a stage's jobs, with their heartbeat and the runs they hold. */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stageTask } from "./stage-catalogue";

/** As the engine's recovery default: a heartbeat older than this means the worker is taken for dead. */
const STALE_AFTER_MS = 60_000;

export interface StageWorker {
  id: string;
  host: string;
  pid: number;
  stages: string[];
  startedAt: Date;
  lastHeartbeat: Date;
  stoppedAt: Date | null;
  stale: boolean;
  /** Runs of this stage the worker is running now. */
  running: number;
}

/**
 * Workers that take the stage's task and beat within the last hour (one that died without stopping
 * drops off after that), and any worker still named on one of the stage's running runs.
 */
export async function stageWorkers(db: Database, stage: string): Promise<StageWorker[]> {
  const { rows } = await db.execute<{
    id: string;
    host: string;
    pid: number;
    stages: string[];
    started_at: string;
    last_heartbeat: string;
    stopped_at: string | null;
    stale: boolean;
    running: string;
  }>(sql`
    select w.id, w.host, w.pid, w.stages, w.started_at, w.last_heartbeat, w.stopped_at,
           (w.stopped_at is not null or w.last_heartbeat < now() - cast(${STALE_AFTER_MS} as double precision) * interval '1 millisecond') as stale,
           (select count(*) from stage_runs r where r.stage = ${stage} and r.status = 'running' and r.worker_id = w.id) as running
      from workers w
     where (w.stopped_at is null and ${stageTask(stage)} = any(w.stages) and w.last_heartbeat > now() - interval '1 hour')
        or exists (select 1 from stage_runs r where r.stage = ${stage} and r.status = 'running' and r.worker_id = w.id)
     order by w.started_at, w.id`);
  return rows.map((r) => ({
    id: r.id,
    host: r.host,
    pid: r.pid,
    stages: r.stages,
    startedAt: new Date(r.started_at),
    lastHeartbeat: new Date(r.last_heartbeat),
    stoppedAt: r.stopped_at ? new Date(r.stopped_at) : null,
    stale: r.stale,
    running: Number(r.running),
  }));
}
