/**
 * The second web server of the browser tests (playwright.config.ts): the same app with an admin
 * password, on its own database and port, so that e2e/auth.spec.ts tests sign-in for real while the
 * other specs keep an open server.
 */
import os from "node:os";
import path from "node:path";

export const AUTH_PORT = Number(process.env.E2E_AUTH_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
export const AUTH_BASE_URL = `http://127.0.0.1:${AUTH_PORT}`;
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

/** What the auth server runs with besides serve.ts's own settings. */
export const authServerEnv = {
  E2E_PORT: String(AUTH_PORT),
  HOPSCAPE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
  // Its session secret file goes here rather than into a developer's real data dir.
  HOPSCAPE_DATA_DIR: path.join(os.tmpdir(), "hopscape-e2e-auth"),
  // One job at a time: this server's library import only competes with the main server's.
  HOPSCAPE_WORKER_CONCURRENCY: "1",
};
