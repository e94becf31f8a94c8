/**
 * Sign-in on the server started with HOPSCAPE_ADMIN_PASSWORD (the "auth" project in
 * playwright.config.ts): a change (pausing a stage, saving its settings) is refused signed out with a
 * sign-in link, made once signed in, refused again after signing out; another site cannot use the session; a wrong password is refused
 * and repeated failures are locked out.
 */
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./auth-server";

const STAGE = "pathways";
const pauseButton = (page: Page) => page.getByTestId(`queue-${STAGE}`).getByRole("button", { name: `Pause ${STAGE}` });
const resumeButton = (page: Page) => page.getByTestId(`queue-${STAGE}`).getByRole("button", { name: `Resume ${STAGE}` });
const setPaused = (paused: boolean) => ({ data: { json: { stage: STAGE, paused } } });
const navSignIn = (page: Page) => page.getByRole("banner").getByRole("link", { name: "Sign in" });

// In file order: the lockout test comes last, and the tests share the server's state.
test.describe.configure({ mode: "serial" });

test("a change needs a session: refused with a sign-in link, made after signing in, refused after signing out", async ({ page }) => {
  await page.goto("/queues");
  await expect(navSignIn(page)).toBeVisible();

  await pauseButton(page).click();
  const notice = page.getByTestId("sign-in-notice");
  await expect(notice).toContainText("Sign in to change settings");
  await expect(page.getByTestId(`queue-${STAGE}`).getByRole("alert")).toContainText("Sign in to change settings");
  await expect(pauseButton(page)).toBeVisible();

  // Non-tRPC changes (POSTs to route handlers) pass the same gate in proxy.ts.
  expect((await page.request.post("/structures/csv", { headers: { origin: new URL(page.url()).origin } })).status()).toBe(401);

  await notice.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fqueues$/);
  await page.getByLabel("Administrator password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queues$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await pauseButton(page).click();
  await expect(resumeButton(page)).toBeVisible();
  await page.reload();
  await expect(resumeButton(page)).toBeVisible();

  // The session cookie is HTTP-only, and useless from another site.
  const cookie = (await page.context().cookies()).find((c) => c.name === "hopscape_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("hopscape_session");
  const foreign = await page.request.post("/api/trpc/stages.setPaused", { ...setPaused(false), headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect((await page.request.post("/structures/csv", { headers: { origin: "https://evil.example" } })).status()).toBe(403);
  // Signed in and same-site, the proxy lets the POST through to the route, which only answers GET.
  expect((await page.request.post("/structures/csv", { headers: { origin: new URL(page.url()).origin } })).status()).toBe(405);
  await expect(resumeButton(page)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(navSignIn(page)).toBeVisible();
  await resumeButton(page).click();
  await expect(page.getByTestId("sign-in-notice")).toContainText("Sign in to change settings");
  await page.reload();
  await expect(resumeButton(page)).toBeVisible();
});

test("signing in straight after loading /sign-in shows the session in the bar, even when the page's first session answer comes after", async ({ page }) => {
  // The page's first session query is sent at once (signed out) and its answer held back until after
  // the sign-in: until the page asks for the session again, or 3 s after the sign-in was answered.
  // That answer, to a question asked before the sign-in, must not stick.
  let releaseHeld!: () => void;
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  page.on("response", (r) => {
    if (r.url().includes("/api/trpc/auth.signIn") && r.ok()) setTimeout(releaseHeld, 3000);
  });
  let sessionRequests = 0;
  await page.route(/\/api\/trpc\/[^?]*auth\.session/, async (route) => {
    const first = sessionRequests++ === 0;
    if (!first) releaseHeld();
    const response = await route.fetch();
    if (first) {
      expect(await response.text()).toContain('"signedIn":false');
      await held;
    }
    await route.fulfill({ response });
  });

  await page.goto(`/sign-in?next=/queues`);
  await page.getByLabel("Administrator password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queues$/);
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(navSignIn(page)).toHaveCount(0);
});

test("a setting saved on the settings page once signed in is refused after signing out", async ({ page }) => {
  const timeLimit = page.getByLabel("Time limit per run (s)");
  const version = page.getByTestId("settings-version");
  await page.goto(`/sign-in?next=/settings/${STAGE}`);
  await page.getByLabel("Administrator password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/${STAGE}$`));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const before = Number((await version.textContent())!.match(/Version (\d+)/)![1]);

  await timeLimit.fill("777");
  await page.getByLabel("Note").fill("e2e: signed in");
  await page.getByRole("button", { name: `Save as version ${before + 1}` }).click();
  await expect(version).toContainText(`Version ${before + 1}`);
  await expect(page.getByTestId(`version-${before + 1}`)).toContainText("e2e: signed in");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(navSignIn(page)).toBeVisible();
  await timeLimit.fill("888");
  await page.getByRole("button", { name: `Save as version ${before + 2}` }).click();
  await expect(page.getByRole("form", { name: `${STAGE} settings` }).getByRole("alert")).toContainText("Sign in to change settings");
  await page.reload();
  await expect(version).toContainText(`Version ${before + 1}`);
  await expect(timeLimit).toHaveValue("777");
});

test("a wrong password is refused, and repeated failures lock the client out", async ({ browser }) => {
  // Its own client address (as a proxy would report it), so the lockout is this client's alone.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7" } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=/queues");
  const password = page.getByLabel("Administrator password");
  const submit = page.getByRole("button", { name: "Sign in" });
  const alert = page.getByRole("main").getByRole("alert");
  const answered = () => page.waitForResponse((r) => r.url().includes("/api/trpc/auth.signIn"));
  for (let i = 1; i <= 5; i++) {
    await password.fill(`wrong guess ${i}`);
    // Waiting for the answer itself: the alert shows the same text after every attempt.
    await Promise.all([answered(), submit.click()]);
    await expect(alert).toHaveText("Wrong password.");
  }
  await password.fill(E2E_ADMIN_PASSWORD);
  await Promise.all([answered(), submit.click()]);
  await expect(alert).toContainText(/Too many failed sign-ins: try again in \d+ s/);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await context.cookies()).find((c) => c.name === "hopscape_session")).toBeUndefined();
  await context.close();
});
