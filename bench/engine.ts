/**
 * The engine's overhead: a no-op stage (bench/engine/noop-stage.ts) driven by the feeder, against raw
 * graphile-worker jobs with a no-op task, on one runner (same concurrency, same settings), in one
 * process and one database made for the run and dropped afterwards. Prints jobs per second of each,
 * per round and the median, and engine / raw (target ≥ 0.5).
 *
 *   npm run bench:engine -- [--jobs 3000] [--concurrency 4] [--stage-concurrency 64] [--rounds 3] [--warmup 300]
 *                           [--local-queue N] [--complete-batch-delay MS] [--poll-interval MS]
 *
 * Needs PostgreSQL: the server of DATABASE_URL, else as the tests find one (TEST_DATABASE_URL, a local
 * server on 5432, or the embedded one).
 *
 * Settings, by default those the project's runner (workers/runner.ts) uses, which suit the engine:
 * - no local queue: it would lock queued jobs that the feeder must be able to take back (pause, a lower
 *   concurrency) and hand one process the jobs of a stage whose few slots workers on other machines share;
 * - no batched completion: it saves one commit per job, little beside jobs that compute for seconds;
 * - pollInterval 2000 ms (graphile-worker's): both sides' jobs are announced by NOTIFY, so polling is
 *   not on the path.
 * - stage concurrency 64, far above the runner's 4, so that the feeder's cap never leaves a worker
 *   without a job (16, 256 and unlimited gave the same figures within the noise).
 * Timed: from the insert (inputs, or the raw jobs in one add_jobs call) until every task has returned
 * and graphile-worker has deleted every job. CPU per job is this process's (main and compute threads)
 * plus the bench database's server processes' (from /proc, when the server runs on this machine): on a
 * machine shared with other work it varies less than the wall-clock rates.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { numberOption } from "../cli/commands/options";
import { startBench, type EngineCheck, type Measurement, type WorkerSettings } from "./engine/harness";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "4" },
    "stage-concurrency": { type: "string", default: "64" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "300" },
    "local-queue": { type: "string", default: "-1" },
    "complete-batch-delay": { type: "string", default: "-1" },
    "poll-interval": { type: "string", default: "2000" },
  },
});
const jobs = numberOption(values.jobs, "--jobs", { min: 1, integer: true });
const rounds = numberOption(values.rounds, "--rounds", { min: 1, max: 20, integer: true });
const warmup = numberOption(values.warmup, "--warmup", { min: 0, integer: true });
const stageConcurrency = numberOption(values["stage-concurrency"], "--stage-concurrency", { min: 1, integer: true });
const settings: WorkerSettings = {
  concurrency: numberOption(values.concurrency, "--concurrency", { min: 1, max: 256, integer: true }),
  pollInterval: numberOption(values["poll-interval"], "--poll-interval", { min: 10, integer: true }),
  localQueueSize: numberOption(values["local-queue"], "--local-queue", { min: -1, integer: true }),
  completeJobBatchDelay: numberOption(values["complete-batch-delay"], "--complete-batch-delay", { min: -1, integer: true }),
  failJobBatchDelay: -1,
};
settings.failJobBatchDelay = settings.completeJobBatchDelay;

const perSecond = (m: Measurement) => (m.jobs * 1000) / m.ms;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

console.log(`engine vs raw graphile-worker: ${jobs} no-op jobs each way, ${rounds} rounds (order alternates), ${warmup} warm-up jobs each way`);
console.log(`${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.availableParallelism()}, load average ${load()}`);
console.log(
  `graphile-worker (both): concurrency ${settings.concurrency}, localQueue.size ${settings.localQueueSize}, ` +
    `completeJobBatchDelay ${settings.completeJobBatchDelay} ms, failJobBatchDelay ${settings.failJobBatchDelay} ms, ` +
    `pollInterval ${settings.pollInterval} ms`,
);
console.log(
  `engine: stage concurrency (queued + running runs the feeder keeps) ${stageConcurrency}; each run goes through the ` +
    `feeder's claim, the stage task, the compute thread and the write of one output row\n`,
);

const bench = await startBench(settings, stageConcurrency);
let failed = false;
try {
  if (warmup > 0) {
    // Starts the compute threads, fills caches and plans; not counted.
    await bench.engine(warmup);
    await bench.raw(warmup);
  }
  const raw: Measurement[] = [];
  const engine: Measurement[] = [];
  const cpuPerJob = (m: Measurement) => (m.dbCpuMs === undefined ? "" : `${(m.nodeCpuMs / m.jobs).toFixed(2)} + ${(m.dbCpuMs / m.jobs).toFixed(2)}`);
  const statementsPerJob = (m: Measurement) => (m.statements / m.jobs).toFixed(2);
  console.log(
    "round  first   raw jobs/s  engine jobs/s  engine/raw   raw CPU ms/job  engine CPU ms/job  statements/job raw, engine  feeder ticks (claiming)",
  );
  const row = (label: string, first: string, r: Measurement, e: Measurement) =>
    console.log(
      `${label.padStart(6)}  ${first.padEnd(6)} ${perSecond(r).toFixed(0).padStart(10)}  ${perSecond(e).toFixed(0).padStart(13)}  ` +
        `${(perSecond(e) / perSecond(r)).toFixed(2).padStart(10)}   ${cpuPerJob(r).padStart(14)}  ${cpuPerJob(e).padStart(17)}  ` +
        `${`${statementsPerJob(r)}, ${statementsPerJob(e)}`.padStart(27)}  ${`${e.ticks} (${e.claimingTicks})`.padStart(23)}`,
    );
  for (let round = 0; round < rounds; round++) {
    const engineFirst = round % 2 === 1;
    let firstCheck: EngineCheck | undefined;
    if (engineFirst) {
      engine.push(await bench.engine(jobs));
      firstCheck = await bench.check();
    }
    raw.push(await bench.raw(jobs));
    if (!engineFirst) engine.push(await bench.engine(jobs));
    // Engine runs done and output rows, checked before the next phase empties the tables.
    const check = engineFirst ? firstCheck! : await bench.check();
    if (check.done !== jobs || check.other !== 0 || check.outputs !== jobs || check.jobsLeft !== 0) {
      failed = true;
      console.error(`round ${round + 1}: engine left ${JSON.stringify(check)} (expected ${jobs} done runs and outputs, no jobs)`);
    }
    row(String(round + 1), engineFirst ? "engine" : "raw", raw[round], engine[round]);
  }
  // The median round of each side by jobs/s.
  const mid = (ms: Measurement[]) => [...ms].sort((a, b) => perSecond(a) - perSecond(b))[Math.floor((ms.length - 1) / 2)];
  const [r, e] = [mid(raw), mid(engine)];
  row("median", "", r, e);
  const ratio = perSecond(e) / perSecond(r);
  console.log(`\nengine/raw = ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"}); load average ${load()}`);
  if (r.dbCpuMs !== undefined && e.dbCpuMs !== undefined) {
    const cpu = (m: Measurement) => (m.nodeCpuMs + m.dbCpuMs!) / m.jobs;
    console.log(
      `CPU per job (this process + the database's server processes): raw ${cpu(r).toFixed(2)} ms, engine ${cpu(e).toFixed(2)} ms; ` +
        `raw/engine = ${(cpu(r) / cpu(e)).toFixed(2)} (what the ratio would be if CPU alone limited both)`,
    );
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await bench.close();
}
process.exitCode = failed ? 1 : 0;
