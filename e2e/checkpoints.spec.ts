/**
 * Checkpoints page: create one while the pipeline runs, download the zip and one table's CSV, and
 * restore. The app's own database is not empty (and the other specs need it), so a restore from the
 * page is expected to be refused there; the restore itself is checked honestly elsewhere: the test
 * makes a new empty database on the same server and restores the downloaded zip into it with the
 * CLI (`hopscape checkpoint restore FILE`), as an operator moving a screening to another machine would.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { resolveBaseServer } from "../tests/helpers/base-server";
import { adminQuery, databaseUrlFor } from "../tests/helpers/database-admin";
import { totalStructures, trpcQuery, waitForImports } from "./trpc-http";

interface ListItem {
  id: number;
  name: string;
  tables: Array<{ name: string; rows: number }>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "hopscape-e2e-checkpoints-"));
const NAME = `e2e ${randomBytes(3).toString("hex")}`;

function hopscape(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ["bin/hopscape.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`hopscape ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForImports(request);
});

test("create a checkpoint, download it whole and by table, and restore it into an empty database", async ({ page, request }) => {
  test.setTimeout(240_000);
  const structures = await totalStructures(request);

  await page.goto("/checkpoints");
  await page.getByLabel("Name (optional)").fill(NAME);
  await page.getByRole("button", { name: "Create checkpoint" }).click();
  await expect(page.getByRole("status")).toHaveText(`Created “${NAME}”.`, { timeout: 60_000 });
  const row = page.locator("tr", { hasText: NAME });
  await expect(row).toBeVisible();
  const item = (await trpcQuery<ListItem[]>(request, "checkpoints.list")).find((c) => c.name === NAME)!;
  expect(item.tables.find((t) => t.name === "structures")?.rows).toBe(structures);

  // The zip: a manifest and one CSV per table, with the manifest's row counts.
  const zipDownload = page.waitForEvent("download");
  await row.getByRole("link", { name: "Download zip" }).click();
  const zipPath = path.join(dir, "checkpoint.zip");
  await (await zipDownload).saveAs(zipPath);
  const files = unzipSync(readFileSync(zipPath));
  const manifest = JSON.parse(strFromU8(files["manifest.json"])) as { name: string; tables: Array<{ name: string; file: string; rows: number }> };
  expect(manifest.name).toBe(NAME);
  expect(Object.keys(files).sort()).toEqual(["manifest.json", ...manifest.tables.map((t) => t.file)].sort());
  for (const t of ["structures", "pathways", "measures", "barriers", "percolation", "stage_runs", "stage_settings", "stage_settings_versions"]) {
    expect(manifest.tables.map((x) => x.name)).toContain(t);
  }
  const structuresCsv = strFromU8(files["structures.csv"]);
  expect(structuresCsv.startsWith("id,source,source_id,formula,")).toBe(true);
  // One line per row (structure text has no line breaks) after the header.
  expect(structuresCsv.trimEnd().split("\r\n")).toHaveLength(structures + 1);

  // One table as CSV, from the row's table list: the same bytes as in the zip.
  await row.getByText(/\d+ tables, \d+ rows/).click();
  const csvDownload = page.waitForEvent("download");
  await row.getByRole("link", { name: "structures.csv" }).click();
  const csvPath = path.join(dir, "structures.csv");
  await (await csvDownload).saveAs(csvPath);
  expect(readFileSync(csvPath, "utf8")).toBe(structuresCsv);

  // Restore from the page asks first, then is refused here: this database holds results.
  await row.getByRole("button", { name: "Restore…" }).click();
  const dialog = page.getByRole("dialog", { name: `Restore “${NAME}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await row.getByRole("button", { name: "Restore…" }).click();
  await dialog.getByRole("button", { name: "Yes, restore" }).click();
  await expect(dialog.getByRole("alert")).toContainText("refusing to restore into a database that is not empty: ");
  await expect(dialog.getByRole("alert")).toContainText(`structures (${structures} rows)`);
  expect(await totalStructures(request)).toBe(structures);

  // The downloaded zip restored into a new, empty database on the same server, by the CLI.
  const base = await resolveBaseServer();
  const name = `hopscape_e2e_restore_${randomBytes(6).toString("hex")}`;
  await adminQuery(base.url, `create database ${name}`);
  try {
    const url = databaseUrlFor(base.url, name);
    expect(hopscape(["checkpoint", "restore", zipPath], url)).toMatch(new RegExp(`^restored "${NAME}"`));
    // A checkpoint of the restored database holds the same CSVs, byte for byte. Stage runs in flight
    // when the snapshot was taken come back pending (their jobs are not in a checkpoint): counted only.
    hopscape(["checkpoint", "create", "--name", "restored"], url);
    const againPath = path.join(dir, "restored.zip");
    hopscape(["checkpoint", "export", "1", "--out", againPath], url);
    const again = unzipSync(readFileSync(againPath));
    for (const t of manifest.tables) {
      if (t.name === "stage_runs") {
        expect(strFromU8(again[t.file]).split("\r\n")).toHaveLength(strFromU8(files[t.file]).split("\r\n").length);
      } else {
        expect(strFromU8(again[t.file]), t.file).toBe(strFromU8(files[t.file]));
      }
    }
  } finally {
    await adminQuery(base.url, `drop database if exists ${name} with (force)`);
    await base.stop?.();
  }
});
