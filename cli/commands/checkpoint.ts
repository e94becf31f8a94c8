import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createCheckpoint } from "../../server/services/checkpoints/create-checkpoint";
import { checkpointTableCsv, checkpointZip, downloadName, listCheckpoints } from "../../server/services/checkpoints/read-checkpoint";
import { restoreCheckpoint } from "../../server/services/checkpoints/restore-checkpoint";
import { progressBar } from "../progress";
import { numberOption } from "./options";
import { withMigratedDatabase } from "./database-pool";

const USAGE = [
  "usage: hopscape checkpoint create [--name NAME]",
  "       hopscape checkpoint list",
  "       hopscape checkpoint export ID [--table NAME] [--out FILE]",
  "       hopscape checkpoint restore FILE",
].join("\n");

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

async function create(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: "string" } } });
  return withMigratedDatabase(async (pool) => {
    let bar: ReturnType<typeof progressBar> | undefined;
    const created = await createCheckpoint(pool, {
      name: values.name,
      onTable: (table, rows) => {
        bar ??= progressBar(0, "tables");
        bar.step(`${table} (${rows} rows)`);
      },
    });
    bar?.finish();
    const rows = created.manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`checkpoint #${created.id} "${created.name}": ${created.manifest.tables.length} tables, ${rows} rows, ${megabytes(created.sizeBytes)} zipped`);
    return 0;
  });
}

async function list(): Promise<number> {
  return withMigratedDatabase(async (pool) => {
    const all = await listCheckpoints(pool);
    if (all.length === 0) {
      console.log("no checkpoints yet (hopscape checkpoint create)");
      return 0;
    }
    for (const c of all) {
      const counts = c.manifest.tables.filter((t) => t.rows > 0).map((t) => `${t.name} ${t.rows}`).join(", ");
      console.log(`#${c.id}  ${c.createdAt.toISOString()}  ${c.name}  ${megabytes(c.sizeBytes)}  schema ${c.manifest.schemaVersion.tag ?? c.manifest.schemaVersion.createdAt}\n    ${counts || "(empty)"}`);
    }
    return 0;
  });
}

async function exportOne(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { table: { type: "string" }, out: { type: "string" } } });
  if (positionals.length !== 1) throw new Error(USAGE);
  const id = numberOption(positionals[0], "ID", { min: 1, integer: true });
  return withMigratedDatabase(async (pool) => {
    if (values.table) {
      const found = await checkpointTableCsv(pool, id, values.table);
      if (!found) throw new Error(`checkpoint #${id} has no table ${values.table}`);
      const out = values.out ?? `${downloadName(found.name)}-${values.table}.csv`;
      writeFileSync(out, found.csv);
      console.log(`wrote ${out}`);
      return 0;
    }
    const found = await checkpointZip(pool, id);
    if (!found) throw new Error(`no checkpoint #${id}`);
    const out = values.out ?? `${downloadName(found.name)}.zip`;
    writeFileSync(out, found.zip);
    console.log(`wrote ${out} (${megabytes(found.zip.length)})`);
    return 0;
  });
}

async function restore(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error(USAGE);
  const zip = readFileSync(positionals[0]);
  return withMigratedDatabase(async (pool) => {
    let bar: ReturnType<typeof progressBar> | undefined;
    const restored = await restoreCheckpoint(pool, zip, {
      onTable: (table, rows) => {
        bar ??= progressBar(0, "tables");
        bar.step(`${table} (${rows} rows)`);
      },
    });
    bar?.finish();
    const rows = restored.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `restored "${restored.manifest.name}" (${restored.manifest.createdAt}): ${restored.tables.length} tables, ${rows} rows` +
        (restored.reopenedRuns > 0 ? `; ${restored.reopenedRuns} runs that were in flight are pending again` : ""),
    );
    return 0;
  });
}

/** `hopscape checkpoint create|list|export|restore`: snapshots of the database at DATABASE_URL. */
export async function checkpointCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") return create(rest);
  if (sub === "list") return list();
  if (sub === "export") return exportOne(rest);
  if (sub === "restore") return restore(rest);
  console.error(USAGE);
  return 2;
}
