import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { trpcQuery, waitForImports } from "./trpc-http";

interface Queue {
  stage: string;
  eligible: number | null;
  excluded: number | null;
  concurrency: number | null;
  paused: boolean | null;
  runs: Record<"pending" | "queued" | "running" | "done" | "failed" | "skipped", number>;
}

const queueOf = async (request: APIRequestContext, stage: string) =>
  (await trpcQuery<Queue[]>(request, "stages.queues")).find((q) => q.stage === stage)!;

/** A tRPC mutation over plain HTTP (superjson envelope), for putting settings back after a test. */
async function trpcMutation(request: APIRequestContext, path: string, input: unknown): Promise<void> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path}: HTTP ${res.status()} ${await res.text()}`);
}

/** Clicks + or − until the stage's concurrency shows `target`, waiting for each save to show. */
async function setConcurrency(section: Locator, stage: string, target: number) {
  const shown = section.getByTestId(`${stage}-concurrency`);
  for (let i = 0; i < 10; i++) {
    const now = Number(await shown.textContent());
    if (now === target) return;
    await section.getByRole("button", { name: `${now < target ? "Raise" : "Lower"} ${stage} concurrency` }).click();
    await expect(shown).toHaveText(String(now < target ? now + 1 : now - 1));
  }
  throw new Error(`could not bring ${stage} concurrency to ${target}`);
}

async function pause(page: Page, section: Locator, stage: string) {
  await section.getByRole("button", { name: `Pause ${stage}` }).click();
  await expect(section.getByRole("button", { name: `Resume ${stage}` })).toBeVisible();
  // The feeder takes back queued jobs no worker has started on its next tick.
  await expect(page.getByTestId(`${stage}-queued`)).toHaveText("0");
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForImports(request);
});

test("the running and queued counts follow concurrency, pause and resume", async ({ page, request }) => {
  test.setTimeout(180_000);
  // Percolation is the slowest stage (one BVSE grid per structure), so it still has input waiting.
  const stage = "percolation";
  await page.goto("/queues");
  const section = page.getByTestId(`queue-${stage}`);
  await expect(section.getByTestId(`${stage}-eligible`)).not.toHaveText("—");

  await pause(page, section, stage);
  const before = await queueOf(request, stage);
  expect(before.paused).toBe(true);
  expect(before.eligible, "percolation needs inputs waiting for this test").toBeGreaterThanOrEqual(3);
  // Runs already started finish; wait for them so the counts below are the feeder's doing alone.
  await expect.poll(async () => (await queueOf(request, stage)).runs.running, { timeout: 120_000 }).toBe(0);

  await setConcurrency(section, stage, 3);
  await section.getByRole("button", { name: `Resume ${stage}` }).click();
  await expect(section.getByRole("button", { name: `Pause ${stage}` })).toBeVisible();
  // The feeder fills the three slots, and never more than three.
  const inFlight = async () => {
    const q = await queueOf(request, stage);
    return q.runs.queued + q.runs.running;
  };
  await expect.poll(inFlight, { timeout: 20_000 }).toBe(3);
  await expect(section.getByTestId(`${stage}-queued`)).not.toHaveText("—");
  for (let i = 0; i < 5; i++) {
    expect(await inFlight()).toBeLessThanOrEqual(3);
    await page.waitForTimeout(500);
  }

  // Down to one: queued jobs beyond the slot are taken back; a run already started is left to finish.
  await setConcurrency(section, stage, 1);
  await expect
    .poll(async () => {
      const q = await queueOf(request, stage);
      return q.runs.queued <= Math.max(0, 1 - q.runs.running);
    }, { timeout: 20_000 })
    .toBe(true);
});

test("a criterion edited on the settings page is previewed, saved, shown on the queues page, and an older version restored", async ({ page, request }) => {
  test.setTimeout(180_000);
  const stage = "pathways";
  // Paused, the stage claims nothing, so its eligible count changes only with its criteria.
  await page.goto("/queues");
  const section = page.getByTestId(`queue-${stage}`);
  await pause(page, section, stage);
  const before = await queueOf(request, stage);
  const versionBefore = (await trpcQuery<Array<{ version: number }>>(request, "settings.history", { stage }))[0].version;

  try {
    await page.goto(`/settings/${stage}`);
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore}`);
    await expect(page.getByTestId("preview-current")).toHaveText(String(before.eligible));
    // The default criterion (elements contain the ion) keeps the library's fluorine-free crystals out; drop it.
    const rows = page.getByTestId("criterion-row");
    await expect(rows).toHaveCount(1);
    await expect(page.getByLabel("Criterion 1 column")).toHaveValue("elements");
    await page.getByRole("button", { name: "Remove criterion 1" }).click();
    await expect(rows).toHaveCount(0);
    // Then keep only crystals of at most 40 sites.
    await page.getByRole("button", { name: "Add criterion" }).click();
    await page.getByLabel("Criterion 1 column").selectOption("nsites");
    await page.getByLabel("Criterion 1 operator").selectOption("lte");
    await page.getByLabel("Criterion 1 value").fill("40");

    // The preview matches the same count asked of the server directly.
    const expected = await trpcQuery<{ proposed: number; current: number; difference: number }>(request, "settings.preview", {
      stage,
      criteria: [{ column: "nsites", op: "lte", value: 40 }],
      params: (await trpcQuery<{ settings: { params: Record<string, unknown> } }>(request, "settings.form", { stage })).settings.params,
    });
    expect(expected.current).toBe(before.eligible);
    expect(expected.proposed).not.toBe(expected.current);
    await expect(page.getByTestId("preview-eligible")).toHaveText(String(expected.proposed));
    await expect(page.getByTestId("preview-difference")).toHaveText(
      expected.difference > 0 ? `${expected.difference} more` : `${-expected.difference} fewer`,
    );

    await page.getByLabel("Note").fill("e2e: fluorine-free crystals too, up to 40 sites");
    await page.getByRole("button", { name: `Save as version ${versionBefore + 1}` }).click();
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore + 1}`);
    await expect(page.getByTestId(`version-${versionBefore + 1}`)).toContainText("e2e: fluorine-free crystals too");

    await page.goto("/queues");
    await expect(page.getByTestId(`${stage}-eligible`)).toHaveText(String(expected.proposed));

    // Restore the version before the edit: a new version with the old criteria, and the old count.
    await page.goto(`/settings/${stage}`);
    await page.getByRole("button", { name: `Restore v${versionBefore}` }).click();
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore + 2}`);
    await expect(page.getByTestId(`version-${versionBefore + 2}`)).toContainText(`restored v${versionBefore}`);
    await expect(page.getByLabel("Criterion 1 column")).toHaveValue("elements");
    await expect(page.getByLabel("Criterion 1 value source")).toHaveValue("ion");
    await page.goto("/queues");
    await expect(page.getByTestId(`${stage}-eligible`)).toHaveText(String(before.eligible));
  } finally {
    await trpcMutation(request, "stages.setPaused", { stage, paused: false });
  }
});
