import { parseArgs } from "node:util";
import { createPool, databaseUrl } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { describeCounts, type ImportCounts } from "../../server/services/importers/import-counts";
import { materialsProjectApiKey } from "../../server/services/importers/materials-project";
import { importKeyOf, type ImportRequest } from "../../server/services/importers/import-request";
import { runSourceImport, setImportStatus } from "../../server/services/importers/source-imports";
import { progressBar } from "../progress";
import { numberOption } from "./options";

const USAGE = [
  "usage: hopscape import mp [--elements F] [--max-sites N] [--max-e-above-hull X] [--limit N] [--restart]",
  "       hopscape import optimade URL [--filter 'elements HAS \"F\" AND nsites<=50'] [--limit N] [--restart]",
].join("\n");

const OPTIONS = {
  elements: { type: "string", default: "F" },
  "max-sites": { type: "string" },
  "max-e-above-hull": { type: "string" },
  filter: { type: "string" },
  limit: { type: "string" },
  "page-size": { type: "string" },
  restart: { type: "boolean" },
} as const;

/** The request a command line asks for; throws with the usage on anything else. */
export function parseImportArgs(args: string[]): { request: ImportRequest; restart: boolean } {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [source, url, ...extra] = positionals;
  if (extra.length > 0) throw new Error(`unexpected ${extra.join(" ")}\n${USAGE}`);
  const limit = values.limit === undefined ? undefined : numberOption(values.limit, "--limit", { min: 1, integer: true });
  const pageSize = values["page-size"] === undefined ? undefined : numberOption(values["page-size"], "--page-size", { min: 1, max: 1000, integer: true });
  if (source === "mp") {
    if (url) throw new Error(`import mp takes no URL\n${USAGE}`);
    if (values.filter !== undefined) throw new Error("--filter is for OPTIMADE; the Materials Project takes --elements, --max-sites, --max-e-above-hull");
    const elements = values.elements.split(",").map((e) => e.trim()).filter(Boolean);
    const request: ImportRequest = {
      source: "mp",
      elements,
      nsitesMax: values["max-sites"] === undefined ? undefined : numberOption(values["max-sites"], "--max-sites", { min: 1, integer: true }),
      energyAboveHullMax:
        values["max-e-above-hull"] === undefined ? undefined : numberOption(values["max-e-above-hull"], "--max-e-above-hull", { min: 0, max: 10 }),
      maxEntries: limit,
      pageSize,
    };
    return { request, restart: values.restart ?? false };
  }
  if (source === "optimade") {
    if (!url) throw new Error(`import optimade needs the provider's URL\n${USAGE}`);
    return { request: { source: "optimade", providerUrl: url, filter: values.filter, maxEntries: limit, pageLimit: pageSize }, restart: values.restart ?? false };
  }
  throw new Error(USAGE);
}

/** A bar made at the first page, when the source has said how many entries match. */
function importProgress() {
  let bar: ReturnType<typeof progressBar> | undefined;
  let shown = 0;
  return {
    onProgress(c: Readonly<ImportCounts>) {
      bar ??= progressBar(c.total ?? c.fetched, "entries");
      for (; shown < c.fetched; shown++) bar.step(shown + 1 === c.fetched ? describeCounts(c) : "");
    },
    finish: () => bar?.finish(),
  };
}

/**
 * `hopscape import mp|optimade`: fetches the source's pages here, queuing one import job per usable
 * entry for the workers (`hopscape worker` or `npm start`), with the progress bar on stderr. Progress
 * is saved in import_progress after every page: Ctrl-C, then the same command, resumes.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { request, restart } = parseImportArgs(args);
  // Before touching the database: a missing key is the likeliest mistake.
  const apiKey = request.source === "mp" ? materialsProjectApiKey() : undefined;
  const pool = createPool(databaseUrl(), 4);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error("interrupted: run the same command again to resume"));
  process.once("SIGINT", interrupt);
  const progress = importProgress();
  try {
    await migrateDatabase(pool);
    const result = await runSourceImport(request, { pool, access: { apiKey }, restart, signal: controller.signal, onProgress: progress.onProgress });
    progress.finish();
    if (result.resumedFrom) console.log(`resumed an earlier run at ${result.resumedFrom}`);
    console.log(describeCounts(result.counts));
    for (const d of result.skippedDetails) console.log(`  skipped: ${d}`);
    if (!result.finished) console.log("stopped at --limit; run the same command again to go on");
    if (result.counts.queued > 0) console.log(`${result.counts.queued} import jobs queued for the workers`);
    return 0;
  } catch (e) {
    progress.finish();
    // The dashboard shows why; the saved cursor stays, so the same command resumes.
    const why = controller.signal.aborted ? "interrupted: run the same command again to resume" : e instanceof Error ? e.message : String(e);
    await setImportStatus(pool, importKeyOf(request, { apiKey }), "failed", why).catch(() => undefined);
    throw e;
  } finally {
    process.off("SIGINT", interrupt);
    await pool.end();
  }
}
