import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { E2E_MP_CRYSTALS } from "../tests/fixtures/e2e-mp-documents";
import { totalStructures, waitForImports } from "./trpc-http";

// e2e/serve.ts runs a fake Materials Project serving E2E_MP_CRYSTALS and gives the app its URL and key.

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForImports(request);
});

/** "Cu,F" → the structures page's element filter: only the imported crystal has both. */
const elementsOf = (formula: string) => [...new Set(formula.match(/[A-Z][a-z]?/g))].join(",");

test("importing from the Materials Project on the imports page adds the new structures to the list", async ({ page, request }) => {
  test.setTimeout(180_000);
  const before = await totalStructures(request);
  const maxSites = 5;
  const wanted = E2E_MP_CRYSTALS.filter((c) => c.nsites <= maxSites);
  const left = E2E_MP_CRYSTALS.filter((c) => c.nsites > maxSites);
  expect(wanted.length).toBe(3);
  expect(left.length).toBe(1);

  await page.goto("/imports");
  await page.getByRole("link", { name: "Imports" }).isVisible();
  const form = page.getByRole("form", { name: "Import from Materials Project" });
  await expect(form.getByText("the server has MP_API_KEY", { exact: false })).toBeVisible();
  await form.getByLabel("Elements").fill("F");
  await form.getByLabel("Max sites").fill(String(maxSites));
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toHaveText("Import started: see its progress below.");

  const row = page.getByRole("table", { name: "Remote imports" }).getByRole("row", { name: /Materials Project F, ≤ 5 sites/ });
  await expect(row).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(row).toContainText(`${wanted.length} / ${wanted.length} fetched`);
  await expect(row).toContainText(`${wanted.length} queued, 0 already queued, 0 skipped`);

  await waitForImports(request, 60_000);
  expect(await totalStructures(request)).toBe(before + wanted.length);
  for (const c of wanted) {
    await page.goto(`/structures?elements=${elementsOf(c.formula)}`);
    await expect(page.getByTestId("total-count")).toHaveText("1");
  }
  await page.goto(`/structures?elements=${elementsOf(left[0].formula)}`);
  await expect(page.getByTestId("total-count")).toHaveText("0");
});

test("asking for the same import again while it is known queues nothing new, and the API says so", async ({ page }) => {
  await page.goto("/imports");
  const form = page.getByRole("form", { name: "Import from Materials Project" });
  await form.getByLabel("Max sites").fill("5");
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toHaveText(/Import started|already running/);
  const row = page.getByRole("table", { name: "Remote imports" }).getByRole("row", { name: /Materials Project F, ≤ 5 sites/ });
  // A finished import runs again from the first page: everything it finds was queued before.
  await expect(row).toContainText("0 queued, 3 already queued", { timeout: 60_000 });
});

test("a pathway's VASP inputs, run by the fake calculator and uploaded on its page, give its DFT profile and a parity point", async ({ page, request }) => {
  test.setTimeout(300_000);
  // The pipeline computes barriers of the library while the tests run: wait for the first one.
  let zip: Uint8Array | undefined;
  for (const deadline = Date.now() + 240_000; !zip; ) {
    const res = await request.get("/exports/vasp?top=1");
    if (res.ok()) zip = new Uint8Array(await res.body());
    else if (Date.now() > deadline) throw new Error(`no pathway with a barrier: ${await res.text()}`);
    else await new Promise((r) => setTimeout(r, 2000));
  }
  const files = unzipSync(zip);
  const folder = Object.keys(files).find((p) => p.endsWith("/neb/INCAR"))!.replace(/\/neb\/INCAR$/, "");
  const pathwayId = Number(/_id(\d+)$/.exec(folder)![1]);
  const dir = mkdtempSync(path.join(tmpdir(), "hopscape-e2e-dft-"));
  for (const [p, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), data);
  }
  const neb = path.join(dir, folder, "neb");
  const run = spawnSync(process.execPath, [fileURLToPath(new URL("../tests/fixtures/fake-vasp.mjs", import.meta.url))], { cwd: neb, encoding: "utf8" });
  expect(run.status).toBe(0);
  const images = readdirSync(neb).filter((d) => /^\d{2}$/.test(d)).sort();
  const uploads = images.map((d) => ({ name: `${d}_vasprun.xml`, mimeType: "application/xml", buffer: readFileSync(path.join(neb, d, "vasprun.xml")) }));

  await page.goto(`/pathways/${pathwayId}`);
  const dft = page.getByTestId("dft-profile");
  await expect(dft).toContainText("No DFT result for this pathway yet");
  await dft.getByLabel(/VASP results/).setInputFiles(uploads);
  await dft.getByRole("button", { name: "Upload DFT results" }).click();
  await expect(dft.getByRole("form", { name: "Upload DFT results" }).getByRole("status")).toHaveText(/^Stored: DFT barrier \d+\.\d{3} eV\.$/);
  await expect(dft).toContainText(/DFT barrier \d+\.\d{3} eV \(reverse \d+\.\d{3} eV\), BVSE \d+\.\d{3} eV; converged/);
  await expect(dft.locator(".recharts-line")).toHaveCount(3);

  await page.goto("/");
  const parity = page.getByTestId("parity-plot");
  await expect(parity.locator(".recharts-scatter-symbol")).toHaveCount(1);
});
