import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSessionSecret, sessionSecretPath } from "./session-secret";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
async function dataDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hopscape-secret-"));
  dirs.push(dir);
  return path.join(dir, "data");
}

describe("loadSessionSecret", () => {
  it("makes a secret on first use, keeps it readable by the owner only, and reads the same one back", async () => {
    const env = { HOPSCAPE_DATA_DIR: await dataDir() };
    const first = await loadSessionSecret(env);
    expect(first.source).toBe("file");
    expect(first.secret).toHaveLength(32);
    expect((await fs.stat(sessionSecretPath(env))).mode & 0o777).toBe(0o600);
    const again = await loadSessionSecret(env);
    expect(again.secret.equals(first.secret)).toBe(true);
  });

  it("gives two processes starting together the same secret", async () => {
    const env = { HOPSCAPE_DATA_DIR: await dataDir() };
    const [a, b] = await Promise.all([loadSessionSecret(env), loadSessionSecret(env)]);
    expect(a.secret.equals(b.secret)).toBe(true);
  });

  it("prefers HOPSCAPE_SESSION_SECRET and refuses a short one", async () => {
    const dir = await dataDir();
    const secret = "x".repeat(40);
    const fromEnv = await loadSessionSecret({ HOPSCAPE_DATA_DIR: dir, HOPSCAPE_SESSION_SECRET: secret });
    expect(fromEnv).toEqual({ secret: Buffer.from(secret), source: "env" });
    await expect(fs.access(path.join(dir, "session-secret"))).rejects.toThrow();
    await expect(loadSessionSecret({ HOPSCAPE_SESSION_SECRET: "short" })).rejects.toThrow(/too short/);
  });
});
