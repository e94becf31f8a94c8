/**
 * The server secret behind session signatures. HOPSCAPE_SESSION_SECRET when set (needed when several
 * web servers must accept each other's sessions); otherwise 32 random bytes generated on first use
 * and kept in <HOPSCAPE_DATA_DIR>/session-secret (mode 600), so a restart does not sign everybody out.
 * Kept in a file rather than the database so that the workers' limited role (docs/deployment.md)
 * never sees it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** The same default as the embedded database's (db/embedded.ts), not imported to keep pg out of the proxy bundle. */
const DEFAULT_DATA_DIR = "/var/tmp/hopscape";
const MIN_SECRET_CHARS = 32;
const FILE_NAME = "session-secret";

/** Environment variables, as process.env or a test's own. */
export type Env = Record<string, string | undefined>;

export interface SessionSecret {
  secret: Buffer;
  /** Where it came from, for the log line and the tests. */
  source: "env" | "file" | "memory";
}

export function sessionSecretPath(env: Env = process.env): string {
  return path.join(path.resolve(env.HOPSCAPE_DATA_DIR ?? DEFAULT_DATA_DIR), FILE_NAME);
}

async function readSecretFile(file: string): Promise<Buffer | null> {
  const text = (await fs.readFile(file, "utf8")).trim();
  // A truncated or hand-edited file must not become a weak key.
  return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : null;
}

export async function loadSessionSecret(env: Env = process.env): Promise<SessionSecret> {
  const fromEnv = env.HOPSCAPE_SESSION_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_SECRET_CHARS) {
      throw new Error(`HOPSCAPE_SESSION_SECRET is too short: use at least ${MIN_SECRET_CHARS} random characters (openssl rand -hex 32)`);
    }
    return { secret: Buffer.from(fromEnv, "utf8"), source: "env" };
  }
  const file = sessionSecretPath(env);
  try {
    const existing = await readSecretFile(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined;
      throw e;
    });
    if (existing) return { secret: existing, source: "file" };
    if (existing === null) throw new Error(`${file} does not hold 64 hex digits; delete it to make a new one`);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32);
    try {
      // "wx": two processes starting together must not overwrite each other's secret.
      await fs.writeFile(file, `${secret.toString("hex")}\n`, { flag: "wx", mode: 0o600 });
      return { secret, source: "file" };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const other = await readSecretFile(file);
      if (!other) throw new Error(`${file} does not hold 64 hex digits; delete it to make a new one`);
      return { secret: other, source: "file" };
    }
  } catch (e) {
    // Signing in must still work on a read-only data dir; sessions then end with the process.
    console.warn(`[auth] cannot keep the session secret in ${file} (${e instanceof Error ? e.message : e}); using a random one until restart`);
    return { secret: randomBytes(32), source: "memory" };
  }
}
