import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { unzipSync, strFromU8 } from "fflate";
import { distinctColours } from "./canvas-colours";
import { trpcQuery, waitForImports } from "./trpc-http";

interface StageCount {
  stage: string;
  results: number;
  inProgress: number;
}

/**
 * Waits until the pipeline has worked through the library: every stage with nothing in flight
 * for several polls in a row. One idle poll is not enough, because the pathways stage widens its
 * search (auto-broaden) exactly when it falls idle, reopening runs a tick later.
 */
async function waitForPipeline(request: APIRequestContext, timeoutMs: number): Promise<StageCount[]> {
  const deadline = Date.now() + timeoutMs;
  let idlePolls = 0;
  for (;;) {
    const counts = await trpcQuery<StageCount[]>(request, "overview.stageCounts");
    const pathways = counts.find((c) => c.stage === "pathways");
    const idle = counts.every((c) => c.inProgress === 0) && (pathways?.results ?? 0) > 0;
    idlePolls = idle ? idlePolls + 1 : 0;
    if (idlePolls >= 4) return counts;
    if (Date.now() > deadline) throw new Error(`pipeline still busy after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 2500));
  }
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(900_000);
  await waitForImports(request);
  await waitForPipeline(request, 840_000);
});

/** CSV records (the pathways export quotes no field in the columns read here). */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\r\n");
  const names = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}

/** The filter the page applies for "formula contains", restated independently of the server. */
const formulaMatches = (r: Record<string, string>, text: string) =>
  [r.formula, r.reduced_formula].some((f) => f.replace(/\s+/g, "").toLowerCase().includes(text.toLowerCase()));

const rowIds = async (page: Page) =>
  (await page.locator('table[aria-label="Pathways"] tbody tr td a[href^="/pathways/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").pop()!)));

const lengthCells = async (page: Page) =>
  (await page.locator('table[aria-label="Pathways"] tbody td[data-column="length"]').allTextContents()).map(Number);

test("the pathways table filters by formula and length, sorts, and downloads what it shows", async ({ page, request }) => {
  const all = csvRecords(await (await request.get("/pathways/csv")).text());
  expect(all.length).toBeGreaterThan(0);
  const expected = all.filter((r) => formulaMatches(r, "CaF2") && Number(r.length) <= 4);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);

  await page.goto("/pathways");
  await expect(page.getByTestId("total-count")).toHaveText(all.length.toLocaleString("en-US"));
  await page.getByLabel("Formula contains").fill("CaF2");
  await page.getByText("Ranges of lengths, measures and barriers").click();
  await page.getByLabel("Length (Å) at most").fill("4");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/formula=CaF2/);
  await expect(page).toHaveURL(/lengthMax=4/);
  await expect(page.getByTestId("total-count")).toHaveText(String(expected.length));
  expect((await rowIds(page)).sort()).toEqual(expected.map((r) => r.id).sort());
  for (const length of await lengthCells(page)) expect(length).toBeLessThanOrEqual(4);

  // Sorting by length: ascending on the first click, descending on the second.
  await page.getByRole("link", { name: /^Length/ }).click();
  await expect(page).toHaveURL(/sort=length&dir=asc/);
  await expect.poll(() => lengthCells(page)).toEqual([...expected.map((r) => Number(Number(r.length).toFixed(3)))].sort((a, b) => a - b));
  await page.getByRole("link", { name: /^Length/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect.poll(() => lengthCells(page)).toEqual([...expected.map((r) => Number(Number(r.length).toFixed(3)))].sort((a, b) => b - a));

  // The state is in the URL: a reload keeps it, and the CSV link downloads exactly these rows.
  await page.reload();
  await expect(page.getByTestId("total-count")).toHaveText(String(expected.length));
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const filtered = csvRecords(await (await request.get(csvHref!)).text());
  expect(filtered.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
  // Measures and barriers are columns of the export.
  expect(Object.keys(filtered[0])).toEqual(expect.arrayContaining(["dimensionality", "ewald_energy", "relaxed_barrier", "energy_barrier"]));

  // A filter outside the whitelist's types is refused, not run.
  expect((await request.get("/pathways/csv?lengthMax=abc")).status()).toBe(400);
});

const positionOf = async (page: Page) =>
  ((await page.getByTestId("moving-ion-position").getAttribute("data-position")) ?? "").split(",").map(Number);

test("a pathway page draws the hop, moves the ion with the slider and profile, and downloads its images", async ({ page, request }) => {
  await page.goto("/pathways?formula=CaF2&spacegroup=225&sort=index&dir=asc");
  await page.getByRole("link", { name: "Pathway 0 of CaF2" }).click();
  await expect(page).toHaveURL(/\/pathways\/\d+$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CaF2");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("pathway 0");

  const canvas = page.getByTestId("interpolation-viewer").locator("canvas");
  await expect(canvas).toBeVisible();
  await expect.poll(() => distinctColours(page, canvas), { timeout: 30_000 }).toBeGreaterThan(100);

  const slider = page.getByRole("slider", { name: "Image" });
  const imageCount = Number(await slider.getAttribute("max")) + 1;
  expect(imageCount).toBeGreaterThanOrEqual(3);
  const status = page.getByTestId("moving-ion-position");
  await expect(status).toHaveAttribute("data-image", "0");
  const start = await positionOf(page);

  const middle = Math.floor((imageCount - 1) / 2);
  await slider.fill(String(middle));
  await expect(status).toHaveAttribute("data-image", String(middle));
  await expect(status).toContainText(`Image ${middle} of ${imageCount}`);
  const moved = await positionOf(page);
  expect(Math.hypot(moved[0] - start[0], moved[1] - start[1], moved[2] - start[2])).toBeGreaterThan(0.3);

  // The XYZ download is the independent record of the band: its frame for this image has the ion there.
  const xyz = await request.get(`/pathways/${id}/download?format=xyz`);
  expect(xyz.headers()["content-disposition"]).toContain(".xyz");
  const lines = (await xyz.text()).trimEnd().split("\n");
  const atoms = Number(lines[0]);
  expect(lines.length % (atoms + 2)).toBe(0);
  expect(lines.length / (atoms + 2)).toBe(imageCount);
  const frameIon = lines[middle * (atoms + 2) + 2].trim().split(/\s+/);
  expect(frameIon[0]).toBe("F");
  frameIon.slice(1).map(Number).forEach((x, i) => expect(x).toBeCloseTo(moved[i], 2));

  // The profile's marker follows the slider, and a point of the profile moves the slider.
  const marker = page.getByTestId("profile-marker");
  await expect(marker).toHaveAttribute("data-image", String(middle));
  const markerX = Number(await marker.getAttribute("cx"));
  await slider.fill("0");
  await expect(marker).toHaveAttribute("data-image", "0");
  expect(Number(await marker.getAttribute("cx"))).toBeLessThan(markerX);
  await page.getByTestId(`profile-point-idpp-${imageCount - 1}`).click();
  await expect(slider).toHaveValue(String(imageCount - 1));
  await expect(status).toHaveAttribute("data-image", String(imageCount - 1));
  await expect(marker).toHaveAttribute("data-image", String(imageCount - 1));

  // Play advances the images by itself; pause stops it.
  await page.getByRole("button", { name: "Play" }).click();
  await expect(status).not.toHaveAttribute("data-image", String(imageCount - 1));
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  const cif = await request.get(`/pathways/${id}/download?format=cif`);
  expect(cif.headers()["content-disposition"]).toContain(".cif");
  expect((await cif.text()).match(/^data_/gm)?.length).toBe(imageCount);

  const zip = await request.get(`/pathways/${id}/download?format=poscar`);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await zip.body()));
  const poscars = Object.keys(files).filter((f) => f.endsWith("/POSCAR")).sort();
  expect(poscars.length).toBe(imageCount);
  expect(poscars[0]).toMatch(/\/00\/POSCAR$/);
  // Line 7 of a VASP 5 POSCAR: the atom counts, the supercell's atoms as in the XYZ frames.
  const counts = strFromU8(files[poscars[0]]).split("\n")[6].trim().split(/\s+/).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(atoms);
});

test("a structure's page lists its pathways and links to them", async ({ page, request }) => {
  const all = csvRecords(await (await request.get("/pathways/csv?formula=CaF2&spacegroup=225")).text());
  expect(all.length).toBeGreaterThan(0);
  const structureId = all[0].structure_id;
  await page.goto(`/structures/${structureId}`);
  const table = page.getByRole("table", { name: "Pathways of this structure" });
  await expect(table.locator("tbody tr")).toHaveCount(all.filter((r) => r.structure_id === structureId).length);
  await expect.poll(() => distinctColours(page, page.getByTestId("structure-viewer").locator("canvas")), { timeout: 30_000 }).toBeGreaterThan(100);
  await table.getByRole("link", { name: "Pathway 0" }).click();
  await expect(page).toHaveURL(/\/pathways\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("pathway 0");
});

test("the overview counts every stage and charts the barriers", async ({ page, request }) => {
  const all = csvRecords(await (await request.get("/pathways/csv")).text());
  const withBarrier = all.filter((r) => r.relaxed_barrier !== "");
  expect(withBarrier.length).toBeGreaterThan(0);

  await page.goto("/");
  await expect(page.getByTestId("stage-pathways-results")).toHaveText(all.length.toLocaleString("en-US"));
  await expect(page.getByTestId("stage-barriers-results")).toHaveText(withBarrier.length.toLocaleString("en-US"));
  await expect(page.getByTestId("barrier-histogram").locator(".recharts-bar-rectangle").first()).toBeVisible();

  // The lowest barriers, against the CSV's own order.
  const lowest = [...withBarrier].sort((a, b) => Number(a.relaxed_barrier) - Number(b.relaxed_barrier)).slice(0, 10);
  const shown = page.getByRole("table", { name: "Lowest barriers" }).locator("tbody tr td:nth-child(4)");
  await expect(shown).toHaveCount(lowest.length);
  expect((await shown.allTextContents()).map(Number)).toEqual(lowest.map((r) => Number(Number(r.relaxed_barrier).toFixed(3))));

  // A point of the scatter chart opens its pathway.
  await page.getByTestId("barrier-scatter").locator(".recharts-scatter-symbol").first().click();
  await expect(page).toHaveURL(/\/pathways\/\d+$/);
});
