import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import type pg from "pg";
import { createDb, getPool } from "../../db/client";
import { stageRuns, type StageRunStatus } from "../../db/schema/index";
import { quietWorkerLogger } from "../../db/worker-logger";
import {
  IMPORT_STRUCTURE_TASK,
  structureImportInput,
  STRUCTURES_STAGE,
  type ImportStructurePayload,
  type StructureImportInput,
} from "../../lib/records/structure-import-input";
import { inputRecords } from "../../lib/records/structure-record";

/** Retries of an import job: its only retryable failures are database trouble, which passes or not. */
const IMPORT_MAX_ATTEMPTS = 5;

/** JSON with object keys sorted, so equal inputs hash equally whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The stage_runs input key of an import: a SHA-256 of the whole input, its source included. */
export function importInputKey(input: StructureImportInput): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

// One WorkerUtils per pool: creating it checks the worker schema, too slow to repeat per request.
const workerUtilsByPool = new WeakMap<pg.Pool, Promise<WorkerUtils>>();
function workerUtilsFor(pool: pg.Pool): Promise<WorkerUtils> {
  let utils = workerUtilsByPool.get(pool);
  if (!utils) {
    utils = makeWorkerUtils({ pgPool: pool, logger: quietWorkerLogger });
    // A failure (e.g. the database was down) must not be cached for the life of the process.
    utils.catch(() => workerUtilsByPool.delete(pool));
    workerUtilsByPool.set(pool, utils);
  }
  return utils;
}

export interface EnqueueResult {
  inputKey: string;
  /** False when this input was queued before (it is queued, running or finished already). */
  queued: boolean;
}

/**
 * Queues the import of a structure input, once: the stage_runs row (unique on stage and input key)
 * and the graphile-worker job key both come from the input, so the same input submitted again
 * queues nothing. A run that was created but never got its job (the process died in between) is
 * queued on the next submission.
 */
export async function enqueueStructureImport(
  rawInput: StructureImportInput,
  pool: pg.Pool = getPool(),
): Promise<EnqueueResult> {
  const input = structureImportInput.parse(rawInput);
  const inputKey = importInputKey(input);
  const db = createDb(pool);
  const run = and(eq(stageRuns.stage, STRUCTURES_STAGE), eq(stageRuns.inputKey, inputKey));
  await db.insert(stageRuns).values({ stage: STRUCTURES_STAGE, inputKey, status: "pending" }).onConflictDoNothing();
  const [row] = await db.select({ status: stageRuns.status }).from(stageRuns).where(run);
  if (row?.status !== "pending") return { inputKey, queued: false };

  const payload: ImportStructurePayload = { inputKey, input };
  const utils = await workerUtilsFor(pool);
  await utils.addJob(IMPORT_STRUCTURE_TASK, payload, {
    jobKey: `${STRUCTURES_STAGE}:${inputKey}`,
    maxAttempts: IMPORT_MAX_ATTEMPTS,
    // Someone is waiting for an upload; library and bulk imports can wait behind it.
    priority: input.source === "upload" ? 0 : 10,
  });
  await db
    .update(stageRuns)
    .set({ status: "queued", claimedAt: sql`now()` })
    .where(and(run, inArray(stageRuns.status, ["pending"])));
  return { inputKey, queued: true };
}

export interface ImportStatus {
  inputKey: string;
  /** "unknown" when no import has this key. */
  status: StageRunStatus | "unknown";
  /** Why it failed (or, while retrying, why the last attempt failed). */
  error?: string;
  /** E.g. "imported #12" or "duplicate of #7". */
  note?: string;
  /** The first structure the import produced or found (a duplicate's existing row). */
  structureId?: number;
  /** All of them, for files holding several structures. */
  structureIds?: number[];
}

export async function importStatus(inputKey: string, pool: pg.Pool = getPool()): Promise<ImportStatus> {
  const [row] = await createDb(pool)
    .select()
    .from(stageRuns)
    .where(and(eq(stageRuns.stage, STRUCTURES_STAGE), eq(stageRuns.inputKey, inputKey)));
  if (!row) return { inputKey, status: "unknown" };
  const ids = row.result?.ids ?? [];
  return {
    inputKey,
    status: row.status,
    ...(row.lastError ? { error: row.lastError } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(ids.length > 0 ? { structureId: ids[0], structureIds: ids } : {}),
  };
}

export type StructureTextValidation =
  | {
      ok: true;
      preview: {
        formula: string;
        reducedFormula: string;
        spacegroup: { number: number; symbol: string };
        nsites: number;
        /** How many structures the file holds (the preview shows the first). */
        count: number;
      };
    }
  | { ok: false; error: string };

/**
 * Reads a structure file the way the import will and describes its first structure, storing nothing:
 * the preview shown before a user submits.
 */
export function validateStructureText(text: string, filename?: string): StructureTextValidation {
  try {
    const records = inputRecords({ source: "upload", text, filename });
    const first = records[0];
    return {
      ok: true,
      preview: {
        formula: first.formula,
        reducedFormula: first.reducedFormula,
        spacegroup: { number: first.spacegroupNumber, symbol: first.spacegroupSymbol },
        nsites: first.nsites,
        count: records.length,
      },
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
