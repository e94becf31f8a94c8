/**
 * Server time of the pages' queries: the real tRPC procedures called in-process through the app's
 * caller and context (createTRPCContext reads DATABASE_URL, as the web server does), so input
 * validation, access control, query building and the database round trips are all counted; only
 * HTTP and JSON encoding are not.
 */
import { createCaller } from "../../server/api/root";
import { createTRPCContext } from "../../server/api/trpc";
import { REFRESH_MS } from "../../server/services/stage-queue-snapshot";

export interface LatencyCase {
  name: string;
  targetMs: number;
  p50: number;
  p95: number;
  /** What the call returned, to show the case is not trivially empty. */
  detail: string;
}

type Caller = ReturnType<typeof createCaller>;

/** The cases of issue 7: the pathways table in its common states, and the queues page's counts. */
const CASES: Array<{ name: string; targetMs: number; call: (c: Caller) => Promise<string> }> = [
  ...[
    { name: "pathways: page 1, default sort", input: {} },
    { name: "pathways: sort by relaxed barrier", input: { sort: "relaxedBarrier" } },
    {
      name: "pathways: barrier ≤ 0.4 eV & dim ≥ 2, by barrier",
      input: { sort: "relaxedBarrier", relaxedBarrierMax: 0.4, dimensionalityMin: 2 },
    },
    { name: "pathways: page 200, sort by barrier", input: { sort: "relaxedBarrier", page: 200 } },
  ].map(({ name, input }) => ({
    name,
    targetMs: 50,
    call: async (c: Caller) => {
      const r = await c.pathways.list(input as never);
      return `${r.rows.length} of ${r.total} rows`;
    },
  })),
  {
    name: "queues page counts (stages.queues)",
    targetMs: 100,
    call: async (c: Caller) => {
      const q = await c.stages.queues();
      return q.map((s) => `${s.stage} ${s.eligible ?? "-"}/${s.runs.done}`).join(", ");
    },
  },
  {
    // What the page's answer costs behind the snapshot: one full recount, which must finish well
    // within the snapshot's refresh interval to keep up.
    name: "queues recount behind the snapshot (fresh)",
    targetMs: REFRESH_MS,
    call: async (c: Caller) => `${(await c.stages.queues({ fresh: true })).length} stages`,
  },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Per case, runs stop early past this (after at least 10), so a slow case does not hold the run up for minutes. */
const CASE_BUDGET_MS = 20_000;

/** Each case `warmup` times unmeasured, then `runs` times one after another. */
export async function measureLatencies(runs: number, warmup: number, log: (l: string) => void): Promise<LatencyCase[]> {
  const caller = createCaller(createTRPCContext({ headers: new Headers() }));
  const out: LatencyCase[] = [];
  for (const c of CASES) {
    let detail = "";
    for (let i = 0; i < warmup; i++) detail = await c.call(caller);
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < runs && (i < 10 || performance.now() - started < CASE_BUDGET_MS); i++) {
      const t = performance.now();
      await c.call(caller);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = { name: c.name, targetMs: c.targetMs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), detail };
    log(`${r.name.padEnd(50)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ${times.length} runs (${detail})`);
    out.push(r);
  }
  return out;
}
