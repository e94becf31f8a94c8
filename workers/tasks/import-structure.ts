import { eq } from "drizzle-orm";
import type { JobHelpers, Task } from "graphile-worker";
import type pg from "pg";
import { createDb, type Database } from "../../db/client";
import { structures, type NewStructureRow, type StageRunResult } from "../../db/schema/index";
import type { StructureImportInput } from "../../lib/records/structure-import-input";
import { importStructurePayload, STRUCTURES_STAGE } from "../../lib/records/structure-import-input";
import { inputRecords, type StructureRecord } from "../../lib/records/structure-record";
import { structureRowOf } from "../../db/structure-row";
import { errorMessage, isPermanentDatabaseError } from "../permanent-errors";
import { failRun, finishRun, noteRetryableError, startRun } from "../stage-run-state";
import type { TaskContext } from "../task-context";

const rowOf = (record: StructureRecord, input: StructureImportInput): NewStructureRow =>
  structureRowOf(record, { source: input.source, sourceId: input.sourceId ?? input.filename, energies: input.energies });

/**
 * Writes the structures and finishes the run in one transaction, so a failure leaves neither a row
 * without a finished run nor a finished run without its rows. A structure whose fingerprint exists
 * is not written again: the run points at the existing row instead.
 */
async function writeRecords(db: Database, inputKey: string, input: StructureImportInput, records: StructureRecord[]) {
  await db.transaction(async (tx) => {
    const ids: number[] = [];
    const duplicateIds: number[] = [];
    for (const record of records) {
      // ON CONFLICT rather than a prior SELECT: two jobs importing the same crystal at once both succeed.
      const [inserted] = await tx
        .insert(structures)
        .values(rowOf(record, input))
        .onConflictDoNothing({ target: structures.fingerprint })
        .returning({ id: structures.id });
      if (inserted) {
        ids.push(inserted.id);
        continue;
      }
      const [existing] = await tx
        .select({ id: structures.id })
        .from(structures)
        .where(eq(structures.fingerprint, record.fingerprint));
      ids.push(existing.id);
      duplicateIds.push(existing.id);
    }
    const result: StageRunResult = duplicateIds.length > 0 ? { ids, duplicateIds } : { ids };
    const note = ids.map((id) => (duplicateIds.includes(id) ? `duplicate of #${id}` : `imported #${id}`)).join("; ");
    await finishRun(tx, STRUCTURES_STAGE, inputKey, {
      status: duplicateIds.length === ids.length ? "skipped" : "done",
      result,
      note,
    });
  });
}

async function withDb<T>(helpers: JobHelpers, fn: (db: Database) => Promise<T>): Promise<T> {
  return helpers.withPgClient((client) => fn(createDb(client as pg.PoolClient)));
}

/**
 * graphile-worker task: imports one submitted structure input (a file's text or a structure).
 * Input errors (unreadable file, bad payload, data the table refuses) fail the run for good and end
 * the job, since a retry would fail the same way; database trouble is thrown so graphile-worker
 * retries the job with backoff.
 */
export function importStructureTask(context: TaskContext): Task {
  return async (payload, helpers) => {
    const parsed = importStructurePayload.safeParse(payload);
    if (!parsed.success) {
      // Without a valid inputKey there is no stage run to record this on; the job log keeps it.
      helpers.logger.error(`import-structure job ${helpers.job.id} has an invalid payload: ${parsed.error.message}`);
      return;
    }
    const { inputKey, input } = parsed.data;
    const run = await withDb(helpers, (db) => startRun(db, STRUCTURES_STAGE, inputKey, context.workerId));
    if (!run) return;

    let records: StructureRecord[];
    try {
      // Pure computation, done without holding a database connection.
      records = inputRecords(input);
    } catch (e) {
      await withDb(helpers, (db) => failRun(db, STRUCTURES_STAGE, inputKey, errorMessage(e)));
      return;
    }

    try {
      await withDb(helpers, (db) => writeRecords(db, inputKey, input, records));
    } catch (e) {
      if (isPermanentDatabaseError(e)) {
        await withDb(helpers, (db) => failRun(db, STRUCTURES_STAGE, inputKey, errorMessage(e)));
        return;
      }
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      // Best effort: when the database itself is the trouble this cannot be recorded either.
      await withDb(helpers, (db) =>
        noteRetryableError(db, STRUCTURES_STAGE, inputKey, errorMessage(e), lastAttempt),
      ).catch(() => undefined);
      throw e;
    }
  };
}
