/**
 * The browser tests' web server: the real app (scripts/start.ts: build if needed, migrate, seed
 * the built-in library, workers, next start) on a database that exists only for this run,
 * hopscape_e2e_<random>, made on the same base server the integration tests use
 * (TEST_DATABASE_URL, else the local server on 5432, else an embedded PostgreSQL) and dropped
 * afterwards.
 *
 * Playwright stops this process with SIGTERM (gracefulShutdown in playwright.config.ts): the app
 * is stopped first, then the database dropped.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolveBaseServer } from "../tests/helpers/base-server";
import { adminQuery, databaseUrlFor } from "../tests/helpers/database-admin";
import { startFakeMaterialsProject } from "../tests/fake-servers/materials-project";
import { E2E_MP_API_KEY, e2eMpDocuments } from "../tests/fixtures/e2e-mp-documents";

const PORT = process.env.E2E_PORT ?? "3100";

/**
 * E2E_AFTER_URL: a second server (playwright.config.ts) waits for the first to answer, so that it
 * reuses that build: two `next build`s in one folder refuse each other.
 */
async function waitForFirstServer(url: string | undefined): Promise<void> {
  if (!url) return;
  console.log(`[e2e] waiting for ${url} before starting`);
  for (;;) {
    const up = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function main() {
  await waitForFirstServer(process.env.E2E_AFTER_URL);
  const base = await resolveBaseServer();
  // Made from hex digits here, so it is safe to splice into the statement as an identifier.
  const name = `hopscape_e2e_${randomBytes(6).toString("hex")}`;
  await adminQuery(base.url, `create database ${name}`);
  console.log(`[e2e] database ${name} (base server: ${base.origin}); app on port ${PORT}`);

  // The imports tests import from a fake Materials Project (E2E_FAKE_MP=0 leaves MP_* as they are).
  const fakeMp = process.env.E2E_FAKE_MP === "0" ? undefined : await startFakeMaterialsProject({ documents: e2eMpDocuments(), apiKey: E2E_MP_API_KEY });
  const mpEnv = fakeMp ? { MP_API_BASE_URL: fakeMp.url, MP_API_KEY: E2E_MP_API_KEY } : {};
  const env = { ...process.env, ...mpEnv, DATABASE_URL: databaseUrlFor(base.url, name), PORT, HOPSCAPE_HOST: "127.0.0.1" };
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
  const appExited = new Promise<number>((resolve) => app.once("exit", (code) => resolve(code ?? 1)));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null && app.signalCode === null) app.kill("SIGTERM");
    await appExited;
    // FORCE: a connection the app left behind must not keep the database alive.
    await adminQuery(base.url, `drop database if exists ${name} with (force)`).catch((e) =>
      console.error(`[e2e] could not drop ${name}: ${e}`),
    );
    await base.stop?.();
    await fakeMp?.close();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  void appExited.then((code) => stop(code));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
