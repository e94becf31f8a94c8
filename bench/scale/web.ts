/**
 * The real web server: `next start` on a production build of its own (HOPSCAPE_NEXT_DIST_DIR, so it
 * does not clash with `npm start`'s or another checkout's), and the CSV export of every pathway
 * streamed from it over HTTP while the server's memory is sampled.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { ensureNextBuild, nextDistDir, sourceHash, stampPath } from "../../scripts/next-build";
import { startWebServer, waitForHttp, type WebServer } from "../../scripts/web-server";
import { sampleRss, type RssSummary } from "./rss";

export const DIST_DIR = ".next-bench";

/**
 * Builds unless the build is current. `next build` adds its dist dir's type folders to tsconfig.json;
 * those entries are taken out again (only ours: other builds' entries stay), and the build is
 * stamped once more so the next run does not rebuild for that edit.
 */
export async function ensureBenchBuild(root: string, env: NodeJS.ProcessEnv, log: (l: string) => void): Promise<void> {
  process.env.HOPSCAPE_NEXT_DIST_DIR = DIST_DIR; // for nextDistDir() here and in ensureNextBuild
  await ensureNextBuild(root, { ...env, HOPSCAPE_NEXT_DIST_DIR: DIST_DIR }, log);
  const file = path.join(root, "tsconfig.json");
  const config = JSON.parse(await fs.readFile(file, "utf8")) as { include?: string[] };
  const ours = (e: string) => e.startsWith(`${nextDistDir()}/`);
  if (!config.include?.some(ours)) return;
  config.include = config.include.filter((e) => !ours(e));
  await fs.writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  await fs.writeFile(stampPath(root), await sourceHash(root));
}

/** `next start` on 127.0.0.1:port against the bench database, open to anonymous reads. */
export async function startBenchServer(root: string, port: number, databaseUrl: string): Promise<WebServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, HOPSCAPE_NEXT_DIST_DIR: DIST_DIR };
  // A password or private browsing in the caller's environment would make the downloads 401.
  delete env.HOPSCAPE_ADMIN_PASSWORD;
  delete env.HOPSCAPE_PRIVATE_BROWSING;
  const server = startWebServer(root, "127.0.0.1", port, env);
  if (!(await waitForHttp(server.url, server.exited, 120_000))) {
    await server.stop();
    throw new Error(`next start did not answer on ${server.url}`);
  }
  return server;
}

export interface CsvResult {
  /** The Accept-Encoding sent. */
  encoding: string;
  /** The Content-Encoding answered ("identity" when none). */
  contentEncoding: string;
  /** Lines but the header; compressed bytes are not read, so the rows are then `knownRows`. */
  rows: number;
  /** Bytes on the wire. */
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** First byte after the request, ms. */
  firstByteMs: number;
  rss: RssSummary;
}

/**
 * Streams /pathways/csv to the end over node:http, so the bytes are the server's: fetch would ask for
 * gzip and inflate it here, on the same two cores. `encoding` is the Accept-Encoding sent; a
 * compressed answer is timed as it arrives, not inflated. The server's tree RSS is sampled every
 * 100 ms, from an idle second before to one after.
 */
export async function exportCsv(
  server: WebServer,
  encoding: string,
  knownRows: number,
  log: (l: string) => void,
): Promise<CsvResult> {
  if (!server.pid) throw new Error("the web server has no pid");
  const sampler = sampleRss(server.pid, 100);
  await new Promise((r) => setTimeout(r, 1000));
  const started = performance.now();
  const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(`${server.url}/pathways/csv`, { headers: { "accept-encoding": encoding } }, resolve).on("error", reject),
  );
  if (res.statusCode !== 200) throw new Error(`GET /pathways/csv answered ${res.statusCode}`);
  const contentEncoding = res.headers["content-encoding"] ?? "identity";
  let lines = 0;
  let bytes = 0;
  let firstByteMs = 0;
  let nextReport = 10e6;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    if (contentEncoding === "identity") for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (bytes >= nextReport) {
      log(`csv (${encoding}): ${(bytes / 1e6).toFixed(0)} MB after ${((performance.now() - started) / 1000).toFixed(1)} s, server RSS ${sampler.summary().last.toFixed(0)} MB`);
      nextReport += 10e6;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const rows = contentEncoding === "identity" ? lines - 1 : knownRows; // lines - 1: the header
  return { encoding, contentEncoding, rows, bytes, seconds, rowsPerSecond: rows / seconds, firstByteMs, rss: sampler.stop() };
}
