/**
 * Browser tests (e2e/) in Debian's Chromium against the real app on a fresh database
 * (e2e/serve.ts). One worker: the tests share that database and one slow machine.
 *
 * Two servers: the open one every spec uses, and one with an admin password (e2e/auth-server.ts)
 * for e2e/auth.spec.ts alone. Playwright starts both at once; the second waits for the first to
 * answer (E2E_AFTER_URL) and so reuses its build instead of racing it.
 */
import { defineConfig } from "@playwright/test";
import { AUTH_BASE_URL, authServerEnv } from "./e2e/auth-server";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // Without a GPU, WebGL is drawn by SwiftShader; newer Chromium wants it allowed explicitly.
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    },
  },
  projects: [
    { name: "app", testIgnore: /auth\.spec\.ts$/ },
    { name: "auth", testMatch: /auth\.spec\.ts$/, use: { baseURL: AUTH_BASE_URL } },
  ],
  webServer: [
    {
      command: "node --import tsx e2e/serve.ts",
      url: `${baseURL}/api/trpc/structures.counts`,
      // A first run builds Next.js (a few minutes on two cores) before the server answers.
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(PORT) },
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
    {
      command: "node --import tsx e2e/serve.ts",
      // Reads stay open with a password (no HOPSCAPE_PRIVATE_BROWSING), so this answers signed out.
      url: `${AUTH_BASE_URL}/api/trpc/structures.counts`,
      // Counts the wait for the first server's build too.
      timeout: 1_200_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...authServerEnv, E2E_AFTER_URL: `${baseURL}/api/trpc/structures.counts` },
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
  ],
});
