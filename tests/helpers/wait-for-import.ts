import type pg from "pg";
import { importStatus, type ImportStatus } from "../../server/services/structure-import";

const FINISHED = new Set(["done", "skipped", "failed"]);

/** Polls an import until its run has finished (done, skipped or failed), or fails the test on timeout. */
export async function waitForImport(pool: pg.Pool, inputKey: string, timeoutMs = 20_000): Promise<ImportStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await importStatus(inputKey, pool);
    if (FINISHED.has(status.status)) return status;
    if (Date.now() > deadline) throw new Error(`import ${inputKey} did not finish in ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
