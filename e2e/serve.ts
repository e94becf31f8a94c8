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

const PORT = process.env.E2E_PORT ?? "3100";

async function main() {
  const base = await resolveBaseServer();
  // Made from hex digits here, so it is safe to splice into the statement as an identifier.
  const name = `hopscape_e2e_${randomBytes(6).toString("hex")}`;
  await adminQuery(base.url, `create database ${name}`);
  console.log(`[e2e] database ${name} (base server: ${base.origin}); app on port ${PORT}`);

  const env = { ...process.env, DATABASE_URL: databaseUrlFor(base.url, name), PORT, HOPSCAPE_HOST: "127.0.0.1" };
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
