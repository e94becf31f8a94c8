import { expect, test } from "@playwright/test";
import { distinctColours } from "./canvas-colours";
import { totalStructures, waitForImports } from "./trpc-http";

// A cubic perovskite that the built-in library does not hold (each run has a fresh database).
const NEW_CIF = `data_SrLiF3_e2e
_cell_length_a 3.85
_cell_length_b 3.85
_cell_length_c 3.85
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
_symmetry_space_group_name_H-M 'P m -3 m'
_symmetry_Int_Tables_number 221
loop_
_atom_site_label
_atom_site_type_symbol
_atom_site_fract_x
_atom_site_fract_y
_atom_site_fract_z
Sr1 Sr 0.5 0.5 0.5
Li1 Li 0 0 0
F1 F 0.5 0 0
`;

// A cell but no atoms: every reader must refuse it.
const INVALID_CIF = `data_broken
_cell_length_a 4.0
_cell_length_b 4.0
_cell_length_c 4.0
_cell_angle_alpha 90
_cell_angle_beta 90
_cell_angle_gamma 90
`;

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForImports(request);
});

/** Rows of a CSV without quoted commas (the structures export has none in these columns). */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\r\n");
  const names = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}

test("filtering by elements shows only matching rows and their count", async ({ page, request }) => {
  // Expected rows, found independently of the filter: every structure, from the unfiltered CSV.
  const all = csvRecords(await (await request.get("/structures/csv")).text());
  expect(all.length).toBe(await totalStructures(request));
  const expected = all.filter((r) => r.elements.split(" ").includes("Ca") && r.elements.split(" ").includes("F"));
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);

  await page.goto("/structures");
  await expect(page.getByTestId("total-count")).toHaveText(String(all.length));
  await page.getByLabel("Contains all elements").fill("Ca, F");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/elements=Ca%2C(\+|%20)F/);
  await expect(page.getByTestId("total-count")).toHaveText(String(expected.length));
  const rows = page.locator("table.data tbody tr");
  await expect(rows).toHaveCount(expected.length);
  for (const cell of await rows.locator("td:nth-child(2)").allTextContents()) {
    expect(cell.split(" ")).toEqual(expect.arrayContaining(["Ca", "F"]));
  }
  const shownFormulas = (await rows.locator("td:nth-child(1)").allTextContents()).sort();
  expect(shownFormulas).toEqual(expected.map((r) => r.formula).sort());

  // The state is in the URL: a reload shows the same filtered table, and the CSV honours it.
  await page.reload();
  await expect(page.getByTestId("total-count")).toHaveText(String(expected.length));
  const filteredCsv = csvRecords(await (await request.get("/structures/csv?elements=Ca,F")).text());
  expect(filteredCsv.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
});

test("sorting by sites orders the rows", async ({ page }) => {
  await page.goto("/structures?sort=nsites&dir=asc&pageSize=100");
  await expect(page.getByTestId("total-count")).toBeVisible();
  const sites = (await page.locator("table.data tbody tr td:nth-child(3)").allTextContents()).map(Number);
  expect(sites.length).toBeGreaterThan(1);
  expect(sites).toEqual([...sites].sort((a, b) => a - b));
  await page.getByRole("link", { name: /^Sites/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect
    .poll(async () => (await page.locator("table.data tbody tr td:nth-child(3)").allTextContents()).map(Number))
    .toEqual([...sites].sort((a, b) => b - a));
});

test("a structure's page shows its facts, a drawn 3D cell and downloads", async ({ page, request }) => {
  await page.goto("/structures?elements=Ca,F&spacegroup=225");
  await expect(page.getByTestId("total-count")).toHaveText("1");
  await page.locator("table.data tbody tr a").first().click();
  await expect(page).toHaveURL(/\/structures\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ca");
  await expect(page.locator("dd", { hasText: "(225)" })).toBeVisible();

  const canvas = page.getByTestId("structure-viewer").locator("canvas");
  await expect(canvas).toBeVisible();
  // A blank canvas has one colour; lit spheres in several element colours have many.
  await expect.poll(() => distinctColours(page, canvas), { timeout: 30_000 }).toBeGreaterThan(100);

  // Pointing at an atom names it: sweep a grid until the pointer lands on one.
  const box = (await canvas.boundingBox())!;
  const hover = page.getByTestId("viewer-hover");
  let named = false;
  for (let i = 1; i < 12 && !named; i++)
    for (let j = 1; j < 12 && !named; j++) {
      await page.mouse.move(box.x + (box.width * i) / 12, box.y + (box.height * j) / 12);
      named = /site \d+/.test((await hover.textContent()) ?? "");
    }
  expect(named).toBe(true);
  await expect(hover).toContainText(/^(Ca|F)/);

  const id = page.url().split("/").pop();
  const cif = await request.get(`/structures/${id}/download?format=cif`);
  expect(cif.headers()["content-disposition"]).toContain(".cif");
  expect(await cif.text()).toContain("_cell_length_a");
  const poscar = await request.get(`/structures/${id}/download?format=poscar`);
  const lines = (await poscar.text()).split("\n");
  // Line 6: species, line 7: their counts (VASP 5 format); fluorite's conventional cell is Ca4F8.
  expect(lines[5].trim().split(/\s+/).sort()).toEqual(["Ca", "F"]);
});

test("a valid CIF is previewed, submitted, imported and listed", async ({ page, request }) => {
  const before = await totalStructures(request);
  await page.goto("/submit");
  await page.getByLabel("Structure file contents").fill(NEW_CIF);
  await page.getByRole("button", { name: "Check" }).click();
  const preview = page.getByTestId("structure-preview");
  await expect(preview).toContainText("SrLiF3");
  await expect(preview).toContainText("221");
  await page.getByRole("button", { name: "Submit" }).click();

  await expect(page).toHaveURL(/\/structures\/\d+\?submitted=new$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SrLiF3");
  expect(await totalStructures(request)).toBe(before + 1);

  await page.goto("/structures?formula=SrLiF3");
  await expect(page.getByTestId("total-count")).toHaveText("1");
  await expect(page.locator("table.data tbody tr")).toHaveCount(1);

  // The same file again is not stored twice: the user lands on the existing entry with a note.
  await page.goto("/submit");
  await page.getByLabel("Structure file contents").fill(NEW_CIF);
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/submitted=duplicate$/, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "already in the library" })).toBeVisible();
  expect(await totalStructures(request)).toBe(before + 1);
});

test("an invalid CIF shows an error and stores nothing", async ({ page, request }) => {
  const before = await totalStructures(request);
  await page.goto("/submit");
  const field = page.getByLabel("Structure file contents");
  await field.fill(INVALID_CIF);
  await page.getByRole("button", { name: "Check" }).click();
  const error = page.locator("#structure-error");
  await expect(error).not.toBeEmpty();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Submit" })).toBeDisabled();
  await expect(page.getByTestId("structure-preview")).toHaveCount(0);
  expect(await totalStructures(request)).toBe(before);
});

test("a file over 5 MB is refused in the browser and by the server", async ({ page, request }) => {
  await page.goto("/submit");
  await page.getByLabel(/upload a file/).setInputFiles({
    name: "huge.cif",
    mimeType: "chemical/x-cif",
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "#"),
  });
  await expect(page.locator("#structure-error")).toContainText("at most 5 MB");

  // A client that skips the browser's check is refused by the server, before anything is read.
  const before = await totalStructures(request);
  const res = await request.post("/api/trpc/submissions.submit", {
    data: { json: { text: "#".repeat(5 * 1024 * 1024 + 1), filename: "huge.cif" } },
  });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("larger than 5 MB");
  expect(await totalStructures(request)).toBe(before);
});
