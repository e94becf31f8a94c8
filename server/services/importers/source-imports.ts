import { desc, eq } from "drizzle-orm";
import type pg from "pg";
import { createDb, getPool } from "../../../db/client";
import { importProgress, type ImportProgressRow, type ImportProgressStatus } from "../../../db/schema/index";
import { emptyCounts, type ImportCounts, type ImportProgressCallback } from "./import-counts";
import { describeRequest, IMPORT_SOURCE_TASK, importKeyOf, importRequest, importSourceOf, type ImportAccess, type ImportRequest } from "./import-request";
import { runPagedImport, type PagedImportResult } from "./paged-import";
import { pgProgressStore } from "./progress-store";

/** Attempts of an import-source job: each resumes where the last one stopped. */
const IMPORT_SOURCE_MAX_ATTEMPTS = 5;
/** A queued or running import not heard of for this long is taken to be lost (its worker was killed). */
const STALE_IMPORT_MS = 10 * 60_000;

export async function setImportStatus(pool: pg.Pool, key: string, status: ImportProgressStatus, error: string | null): Promise<void> {
  await createDb(pool).update(importProgress).set({ status, error, updatedAt: new Date() }).where(eq(importProgress.key, key));
}

/** Creates (or re-opens) the request's progress row, keeping an earlier run's cursor and counts to resume from. */
async function openImport(pool: pg.Pool, key: string, request: ImportRequest, status: ImportProgressStatus): Promise<void> {
  await createDb(pool)
    .insert(importProgress)
    .values({ key, source: request.source, request, counts: emptyCounts() as unknown as Record<string, unknown>, status })
    .onConflictDoUpdate({ target: importProgress.key, set: { source: request.source, request, status, error: null, updatedAt: new Date() } });
}

export interface QueuedImport {
  key: string;
  /** False when the same import is queued or running already: nothing new was queued. */
  queued: boolean;
}

/**
 * Queues a remote import as a job of the structures stage (task `import-source`, one job per query
 * key). The worker needs MP_API_KEY in its environment for a Materials Project import: keys are
 * never written to the database.
 */
export async function queueSourceImport(raw: ImportRequest, pool: pg.Pool = getPool()): Promise<QueuedImport> {
  const request = importRequest.parse(raw);
  const key = importKeyOf(request);
  const [existing] = await createDb(pool).select().from(importProgress).where(eq(importProgress.key, key));
  const busy = existing && (existing.status === "queued" || existing.status === "running");
  if (busy && Date.now() - existing.updatedAt.getTime() < STALE_IMPORT_MS) return { key, queued: false };
  await openImport(pool, key, request, "queued");
  await pool.query("select graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => $4)", [
    IMPORT_SOURCE_TASK,
    JSON.stringify({ request }),
    `${IMPORT_SOURCE_TASK}:${key}`,
    IMPORT_SOURCE_MAX_ATTEMPTS,
  ]);
  return { key, queued: true };
}

export interface RunSourceImportOptions {
  pool?: pg.Pool;
  access?: ImportAccess;
  signal?: AbortSignal;
  onProgress?: ImportProgressCallback;
  /** Start from the first page, not the stored cursor. */
  restart?: boolean;
}

/**
 * Runs a remote import here and now (a worker's job, the CLI), recording it in import_progress:
 * status running, the cursor and counts after every page, then done. On an error the row keeps
 * the error and its cursor, so the next run resumes; the caller decides whether that is final.
 */
export async function runSourceImport(raw: ImportRequest, options: RunSourceImportOptions = {}): Promise<PagedImportResult> {
  const request = importRequest.parse(raw);
  const pool = options.pool ?? getPool();
  const key = importKeyOf(request, options.access);
  await openImport(pool, key, request, "running");
  const source = importSourceOf(request, options.access ?? {}, { signal: options.signal });
  const result = await runPagedImport(source, {
    pool,
    store: pgProgressStore(pool),
    restart: options.restart,
    maxEntries: request.maxEntries,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  await setImportStatus(pool, key, "done", null);
  return result;
}

export interface SourceImportView {
  key: string;
  source: string | null;
  description: string;
  status: ImportProgressStatus;
  error: string | null;
  counts: ImportCounts;
  /** More pages to fetch (a stopped or unfinished import). */
  resumable: boolean;
  updatedAt: Date;
}

export function importView(row: ImportProgressRow): SourceImportView {
  const parsed = importRequest.safeParse(row.request);
  return {
    key: row.key,
    source: row.source,
    description: parsed.success ? describeRequest(parsed.data) : row.key,
    status: row.status,
    error: row.error,
    counts: { ...emptyCounts(), ...(row.counts as Partial<ImportCounts>) },
    resumable: row.cursor !== null,
    updatedAt: row.updatedAt,
  };
}

/** The latest remote imports, newest first: the imports page's live list. */
export async function listSourceImports(pool: pg.Pool = getPool(), limit = 50): Promise<SourceImportView[]> {
  const rows = await createDb(pool).select().from(importProgress).orderBy(desc(importProgress.updatedAt)).limit(limit);
  return rows.map(importView);
}
