/**
 * Fixed versus fractured, on this machine: the built-in library's smallest crystals through
 * - the fixed workflow (lib/analysis analyzeStructure per structure, as `hopscape analyze`), in
 *   sequence and on N worker threads;
 * - the fractured pipeline (every stage its own job queue, startPipeline with the same N job slots)
 *   on a database made for the run;
 * printing wall time and how busy the N workers were (summed compute time / (wall × N)); for the
 * pipeline per stage too, from stage_runs started_at/finished_at.
 *
 *   npm run bench:architectures -- [--limit 4] [--concurrency N] [--all-barriers] [--no-sequential]
 *
 * --limit: fluorides, fewest sites first (default 4: a few minutes on two cores). --concurrency: worker
 * threads / job slots (default: CPUs). --all-barriers: the pipeline computes every pathway's barrier,
 * as the fixed workflow does; by default it keeps its barrier screen (the fractured design's point).
 * Needs PostgreSQL as the tests do: TEST_DATABASE_URL, a local server on 5432, or the embedded one.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { numberOption } from "../cli/commands/options";
import { libraryStructures } from "../lib/library/build";
import { runFixedThreads } from "./fixed-threads";
import { fixedWorkflow, type FixedWorkflowResult } from "./fixed-workflow";
import { runFractured } from "./fractured-pipeline";

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "4" },
    concurrency: { type: "string", default: String(os.availableParallelism()) },
    "all-barriers": { type: "boolean" },
    "no-sequential": { type: "boolean" },
  },
});
const limit = numberOption(values.limit, "--limit", { min: 1, integer: true });
const concurrency = numberOption(values.concurrency, "--concurrency", { min: 1, max: 256, integer: true });

// Only crystals with the mobile ion: the stages (and analyze) have nothing to do for the others.
const entries = libraryStructures()
  .filter((e) => e.structure.sites.some((site) => site.species === "F"))
  .sort((a, b) => a.structure.sites.length - b.structure.sites.length || a.id.localeCompare(b.id))
  .slice(0, limit);
console.log(`${entries.length} library fluorides (fewest sites first): ${entries.map((e) => e.id).join(", ")}`);
console.log(`${concurrency} workers, ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.availableParallelism()}\n`);

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
const percent = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);
const rows: string[][] = [];
const summarize = (label: string, workers: number, wallMs: number, results: FixedWorkflowResult[]) => {
  const busy = results.reduce((n, r) => n + r.busyMs, 0);
  const errors = results.filter((r) => r.error).length;
  rows.push([label, seconds(wallMs), String(workers), percent(busy / (wallMs * workers)),
    String(results.reduce((n, r) => n + r.pathways, 0)), String(results.reduce((n, r) => n + r.barriers, 0)), String(errors)]);
};

if (!values["no-sequential"]) {
  process.stderr.write("fixed workflow, sequential…\n");
  const start = performance.now();
  const results = entries.map((e) => fixedWorkflow({ structure: e.structure }));
  summarize("fixed, sequential", 1, performance.now() - start, results);
}
if (concurrency > 1 || values["no-sequential"]) {
  process.stderr.write(`fixed workflow, ${concurrency} threads…\n`);
  const threaded = await runFixedThreads(entries.map((e) => e.structure), concurrency);
  summarize(`fixed, ${concurrency} threads`, concurrency, threaded.wallMs, threaded.results);
}
process.stderr.write(`fractured pipeline, ${concurrency} job slots…\n`);
const fractured = await runFractured(entries, concurrency, { allBarriers: values["all-barriers"] });
const busy = fractured.stages.reduce((n, s) => n + s.busyMs, 0);
rows.push([`fractured, ${concurrency} slots`, seconds(fractured.wallMs), String(concurrency), percent(busy / (fractured.wallMs * concurrency)),
  String(fractured.pathways), String(fractured.barriers), String(fractured.failed)]);

const header = ["architecture", "wall s", "workers", "busy", "pathways", "barriers", "failed"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`\nfractured pipeline, busy fraction of the ${concurrency} job slots by stage (runs):`);
for (const s of fractured.stages) console.log(`  ${s.stage.padEnd(12)} ${percent(s.busyMs / (fractured.wallMs * concurrency))}  (${s.runs})`);
console.log(
  "\nbusy = summed compute time / (wall × workers). The fixed workflow computes every hop's barrier; the pipeline's\n" +
    "barriers stage only the pathways through its screen unless --all-barriers. Pipeline wall time runs from its start\n" +
    "to the last finished run, and its busy time includes each job's database reads and writes.",
);
process.exit(0);
