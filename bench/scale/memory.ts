/**
 * Memory under work: a `hopscape worker` process computes the fresh structures' stages on the scale
 * database while the web server answers page loads, table and queue queries (tRPC over HTTP, as the
 * browser asks) and full CSV exports. Both processes' RSS is sampled throughout.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type { WebServer } from "../../scripts/web-server";
import { sampleRss, type RssSummary } from "./rss";

export interface MemoryResult {
  seconds: number;
  web: RssSummary;
  worker: RssSummary;
  requests: number;
  failedRequests: number;
  csvExports: number;
  /** Runs the worker finished during the phase, by stage. */
  runsDone: Record<string, number>;
}

/** A GET through the tRPC HTTP endpoint (non-batched, superjson input), as the pages' client sends it. */
const trpcUrl = (procedure: string, input?: unknown) =>
  `/api/trpc/${procedure}` + (input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

/** What a browsing user asks for, in turn: pages, the pathways table in several states, the queues. */
const REQUESTS = [
  "/pathways",
  trpcUrl("pathways.list", { sort: "relaxedBarrier", dir: "asc" }),
  trpcUrl("pathways.list", { relaxedBarrierMax: 0.4, dimensionalityMin: 2, sort: "relaxedBarrier" }),
  trpcUrl("pathways.list", { page: 1500 }),
  "/queues",
  trpcUrl("stages.queues"),
  "/structures",
  trpcUrl("structures.list", {}),
  "/pathways/777",
  trpcUrl("pathways.byId", { id: 777 }),
  "/structures/40",
];

/** Starts `hopscape worker` on the database; its output is kept quiet but the tail is shown if it dies. */
function startWorker(root: string, databaseUrl: string) {
  const child = spawn(process.execPath, [path.join(root, "bin/hopscape.mjs"), "worker"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const keep = (b: Buffer) => tail.push(...b.toString().split("\n").filter(Boolean).slice(-20));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, tail, exited };
}

export async function memoryUnderLoad(
  root: string,
  server: WebServer,
  databaseUrl: string,
  seconds: number,
  log: (l: string) => void,
): Promise<MemoryResult> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows: t0 } = await db.query<{ now: Date }>("select now()");
  const worker = startWorker(root, databaseUrl);
  const workerRss = sampleRss(worker.child.pid!, 100);
  const webRss = sampleRss(server.pid!, 100);
  let requests = 0;
  let failedRequests = 0;
  let csvExports = 0;
  const deadline = Date.now() + seconds * 1000;
  const browse = async (offset: number) => {
    for (let i = offset; Date.now() < deadline; i++) {
      const res = await fetch(server.url + REQUESTS[i % REQUESTS.length]).catch(() => null);
      await res?.arrayBuffer().catch(() => null);
      requests++;
      if (!res?.ok) failedRequests++;
    }
  };
  const exportLoop = async () => {
    while (Date.now() < deadline) {
      const res = await fetch(`${server.url}/pathways/csv`);
      if (!res.ok || !res.body) throw new Error(`csv export answered ${res.status}`);
      for await (const _ of res.body as unknown as AsyncIterable<Uint8Array>); // drain
      csvExports++;
    }
  };
  const progress = setInterval(() => {
    log(`memory: ${requests} requests, ${csvExports} exports; RSS web ${webRss.summary().last.toFixed(0)} MB, worker ${workerRss.summary().last.toFixed(0)} MB`);
  }, 15_000);
  try {
    await Promise.all([browse(0), browse(5), exportLoop()]);
  } finally {
    clearInterval(progress);
    worker.child.kill("SIGTERM");
  }
  const web = webRss.stop();
  const workerSummary = workerRss.stop();
  // The worker lets running jobs finish after SIGTERM; a stuck one is killed.
  const killer = setTimeout(() => worker.child.kill("SIGKILL"), 60_000);
  await worker.exited;
  clearTimeout(killer);
  if (worker.child.exitCode !== 0 && worker.child.signalCode !== "SIGTERM") log(`worker output:\n${worker.tail.slice(-20).join("\n")}`);
  const { rows } = await db.query<{ stage: string; n: number }>(
    "select stage, count(*)::int n from stage_runs where status = 'done' and finished_at > $1 group by stage order by stage",
    [t0[0].now],
  );
  await db.end();
  return {
    seconds,
    web,
    worker: workerSummary,
    requests,
    failedRequests,
    csvExports,
    runsDone: Object.fromEntries(rows.map((r) => [r.stage, r.n])),
  };
}
