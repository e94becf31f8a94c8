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
  test.setTimeout(240_000);
  const stage = "pathways";
  await page.goto("/queues");
  const section = page.getByTestId(`queue-${stage}`);
  await expect(section.getByTestId(`${stage}-eligible`)).not.toHaveText("—");
  await pause(page, section, stage);
  const history = await trpcQuery<Array<{ version: number }>>(request, "settings.history", { stage });
  const versionBefore = history[0].version;

  try {
    // Input that has waited for nothing: with the criteria emptied, the crystals without fluorine the
    // default criteria kept out become eligible (paused, the stage claims none of them yet).
    // Auto-broaden off: reopening finished runs when the stage runs dry would add input mid-test.
    const current = (await trpcQuery<{ settings: Record<string, unknown> }>(request, "settings.form", { stage })).settings;
    await trpcMutation(request, "settings.save", {
      stage,
      criteria: [],
      priority: current.priority,
      concurrency: current.concurrency,
      timeLimitSeconds: current.timeLimitSeconds,
      params: current.params,
      autoBroaden: null,
      note: "e2e: every structure",
    });
    const waiting = await queueOf(request, stage);
    expect(waiting.eligible, "the library has crystals without fluorine").toBeGreaterThanOrEqual(2);
    await expect(section.getByTestId(`${stage}-eligible`)).toHaveText(String(waiting.eligible));
    // Runs started before the pause finish; wait for them so what follows is the feeder's doing alone.
    await expect.poll(async () => (await queueOf(request, stage)).runs.running, { timeout: 120_000 }).toBe(0);
    const finishedBefore = waiting.runs.done + waiting.runs.failed + waiting.runs.skipped;

    await setConcurrency(section, stage, 1);
    await section.getByRole("button", { name: `Resume ${stage}` }).click();
    await expect(section.getByRole("button", { name: `Pause ${stage}` })).toBeVisible();
    // One at a time until none is left: never more than one queued or running.
    for (const deadline = Date.now() + 150_000; ; ) {
      const q = await queueOf(request, stage);
      expect(q.runs.queued + q.runs.running).toBeLessThanOrEqual(1);
      if (q.eligible === 0 && q.runs.queued + q.runs.running === 0) break;
      expect(Date.now(), "the stage still had input after 150 s").toBeLessThan(deadline);
      await page.waitForTimeout(250);
    }
    const after = await queueOf(request, stage);
    expect(after.runs.done + after.runs.failed + after.runs.skipped - finishedBefore).toBe(waiting.eligible);
    await expect(section.getByTestId(`${stage}-eligible`)).toHaveText("0");
  } finally {
    await trpcMutation(request, "stages.setPaused", { stage, paused: false });
    await trpcMutation(request, "settings.restore", { stage, version: versionBefore });
  }
});

/** Rows of the structures CSV (no quoted commas in its columns). */
async function structureRows(request: APIRequestContext): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await (await request.get("/structures/csv")).text()).trim().split("\r\n");
  const names = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}

test("a criterion edited on the settings page is previewed, saved, shown on the queues page, and an older version restored", async ({ page, request }) => {
  test.setTimeout(180_000);
  // Percolation's default criterion (elements contain the ion) has kept the fluorine-free crystals
  // out from the start, so none of them has a run: turned round, it makes exactly those eligible.
  const stage = "percolation";
  const expected = (await structureRows(request)).filter((r) => !r.elements.split(" ").includes("F")).length;
  expect(expected).toBeGreaterThan(0);
  await page.goto("/queues");
  const section = page.getByTestId(`queue-${stage}`);
  // Paused, the stage claims nothing, so its eligible count changes only with its criteria.
  await pause(page, section, stage);
  const before = await queueOf(request, stage);
  const versionBefore = (await trpcQuery<Array<{ version: number }>>(request, "settings.history", { stage }))[0].version;

  try {
    await page.goto(`/settings/${stage}`);
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore}`);
    await expect(page.getByTestId("preview-current")).toHaveText(String(before.eligible));
    await expect(page.getByTestId("criterion-row")).toHaveCount(1);
    await expect(page.getByLabel("Criterion 1 column")).toHaveValue("elements");
    await expect(page.getByLabel("Criterion 1 value source")).toHaveValue("ion");
    await page.getByLabel("Criterion 1 operator").selectOption("not_contains");

    await expect(page.getByTestId("preview-eligible")).toHaveText(String(expected));
    const difference = expected - before.eligible!;
    await expect(page.getByTestId("preview-difference")).toHaveText(
      difference > 0 ? `${difference} more` : difference < 0 ? `${-difference} fewer` : "no change",
    );

    await page.getByLabel("Note").fill("e2e: the crystals without the ion");
    await page.getByRole("button", { name: `Save as version ${versionBefore + 1}` }).click();
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore + 1}`);
    await expect(page.getByTestId(`version-${versionBefore + 1}`)).toContainText("e2e: the crystals without the ion");

    await page.goto("/queues");
    await expect(page.getByTestId(`${stage}-eligible`)).toHaveText(String(expected));

    // Restore the version before the edit: a new version with the old criterion, and the old count.
    await page.goto(`/settings/${stage}`);
    await page.getByRole("button", { name: `Restore v${versionBefore}` }).click();
    await expect(page.getByTestId("settings-version")).toContainText(`Version ${versionBefore + 2}`);
    await expect(page.getByTestId(`version-${versionBefore + 2}`)).toContainText(`restored v${versionBefore}`);
    await expect(page.getByLabel("Criterion 1 operator")).toHaveValue("contains");
    await page.goto("/queues");
    await expect(page.getByTestId(`${stage}-eligible`)).toHaveText(String(before.eligible));
  } finally {
    await trpcMutation(request, "stages.setPaused", { stage, paused: false });
  }
});
