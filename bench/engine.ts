/**
 * The engine's overhead: a no-op stage (bench/engine/noop-stage.ts) driven by the feeder, against raw
 * graphile-worker jobs with a no-op task, on one runner (same concurrency, same settings), in one
 * process and one database made for the run and dropped afterwards. Prints jobs per second of each,
 * per round and the median, and engine / raw (target ≥ 0.5).
 *
 *   npm run bench:engine -- [--jobs 3000] [--concurrency 4] [--stage-concurrency 128] [--rounds 3] [--warmup 300]
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
 * - stage concurrency 128, far above the runner's 4, so that the feeder's cap never leaves a worker
 *   without a job (for one input a job, 16, 256 and unlimited gave the same figures within the
 *   noise), and so that batches fill: a job takes siblings only from the half of the waiting jobs,
 *   and 4 workers × 16 inputs are 64 runs in flight (at 128 they averaged 12.5 inputs; batches of up to 8 at 64 averaged 6.3).
 * Three sides: raw graphile-worker jobs with a no-op task; the no-op stage with one input a job (what
 *   a stage without a batchSize does); the no-op stage with batchSize 16 (as the measures stage).
 * Timed: from the insert (inputs, or the raw jobs in one add_jobs call) until every task has returned
 * and graphile-worker has deleted every job. CPU per job is this process's (main and compute threads)
 * plus the bench database's server processes' (from /proc, when the server runs on this machine): on a
 * machine shared with other work it varies less than the wall-clock rates.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { numberOption } from "../cli/commands/options";
import { startBench, type Measurement, type WorkerSettings } from "./engine/harness";
import { NOOP_BATCH_SIZE } from "./engine/noop-stage";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "4" },
    "stage-concurrency": { type: "string", default: "128" },
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
type Side = "raw" | "engine" | "batched";
const SIDES: Record<Side, string> = {
  raw: "raw graphile-worker",
  engine: "engine, 1 input a job",
  batched: `engine, ≤ ${NOOP_BATCH_SIZE} inputs a job`,
};
const measureSide = (side: Side, n: number) => (side === "raw" ? bench.raw(n) : bench.engine(n, side === "batched"));
try {
  if (warmup > 0) {
    // Starts the compute threads, fills caches and plans; not counted.
    for (const side of Object.keys(SIDES) as Side[]) await measureSide(side, warmup);
  }
  const results: Record<Side, Measurement[]> = { raw: [], engine: [], batched: [] };
  const cpuPerJob = (m: Measurement) => (m.dbCpuMs === undefined ? "" : `${(m.nodeCpuMs / m.jobs).toFixed(2)} + ${(m.dbCpuMs / m.jobs).toFixed(2)}`);
  console.log(`round  ${"side".padEnd(26)} jobs or runs/s  × raw  CPU ms each (node + db)  statements each  runs a job  feeder ticks (claiming)`);
  const row = (label: string, side: Side, m: Measurement, raw: Measurement) =>
    console.log(
      `${label.padEnd(6)} ${SIDES[side].padEnd(26)} ${perSecond(m).toFixed(0).padStart(14)}  ${(perSecond(m) / perSecond(raw)).toFixed(2).padStart(5)}  ` +
        `${cpuPerJob(m).padStart(24)}  ${(m.statements / m.jobs).toFixed(2).padStart(15)}  ${(m.jobs / m.tasks).toFixed(2).padStart(10)}  ${(side === "raw" ? "" : `${m.ticks} (${m.claimingTicks})`).padStart(23)}`,
    );
  for (let round = 0; round < rounds; round++) {
    // Each round starts with another side, so that none always runs on the warmest caches.
    const order = (Object.keys(SIDES) as Side[]).map((_, i, all) => all[(i + round) % all.length]);
    for (const side of order) {
      results[side].push(await measureSide(side, jobs));
      if (side === "raw") continue;
      // Runs done and output rows, checked before the next phase empties the tables.
      const check = await bench.check(side === "batched");
      if (check.done !== jobs || check.other !== 0 || check.outputs !== jobs || check.jobsLeft !== 0) {
        failed = true;
        console.error(`round ${round + 1}: ${SIDES[side]} left ${JSON.stringify(check)} (expected ${jobs} done runs and outputs, no jobs)`);
      }
    }
    for (const side of Object.keys(SIDES) as Side[]) row(String(round + 1), side, results[side][round], results.raw[round]);
  }
  // The median round of each side by jobs/s.
  const mid = (ms: Measurement[]) => [...ms].sort((a, b) => perSecond(a) - perSecond(b))[Math.floor((ms.length - 1) / 2)];
  const median = { raw: mid(results.raw), engine: mid(results.engine), batched: mid(results.batched) };
  for (const side of Object.keys(SIDES) as Side[]) row("median", side, median[side], median.raw);
  const ratio = (side: Side) => perSecond(median[side]) / perSecond(median.raw);
  const verdict = (side: Side) => `${ratio(side).toFixed(2)} (target ≥ 0.5: ${ratio(side) >= 0.5 ? "met" : "NOT met"})`;
  console.log(`\nengine/raw, 1 input a job = ${verdict("engine")}; ≤ ${NOOP_BATCH_SIZE} inputs a job = ${verdict("batched")}; load average ${load()}`);
  if (median.raw.dbCpuMs !== undefined) {
    const cpu = (m: Measurement) => (m.nodeCpuMs + (m.dbCpuMs ?? 0)) / m.jobs;
    console.log(
      `CPU per job or run (this process + the database's server processes): raw ${cpu(median.raw).toFixed(2)} ms, ` +
        `engine ${cpu(median.engine).toFixed(2)} ms, batched ${cpu(median.batched).toFixed(2)} ms`,
    );
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await bench.close();
}
process.exitCode = failed ? 1 : 0;
