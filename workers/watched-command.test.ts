import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isRunning } from "../tests/helpers/processes";
import { runWatchedCommand } from "./watched-command";

const dir = mkdtempSync(path.join(tmpdir(), "hopscape-watched-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pidsIn = (file: string) => readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
const waitUntil = async (what: string, ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !ok(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe("runWatchedCommand", () => {
  it("runs the command in the folder given and returns its status and output", () => {
    const r = runWatchedCommand('pwd; echo "to stderr" >&2; exit 3', { cwd: dir, env: process.env, timeLimitSeconds: 10 });
    expect(r).toMatchObject({ status: 3, stdout: `${dir}\n`, stderr: "to stderr\n", timedOut: false });
  });

  it("kills the command and what it started at the time limit", async () => {
    const pids = path.join(dir, "limit.pids");
    const started = performance.now();
    const r = runWatchedCommand(`sleep 60 & echo $$ $! > ${pids}; wait`, { cwd: dir, env: process.env, timeLimitSeconds: 1 });
    expect(r.timedOut).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
    for (const pid of pidsIn(pids)) await waitUntil(`process ${pid} to end`, () => !isRunning(pid), 5_000);
  });

  it("kills the command's whole process group once the process that started it is killed", async () => {
    const pids = path.join(dir, "orphan.pids");
    const fixture = fileURLToPath(new URL("../tests/fixtures/run-watched-command.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, `sleep 60 & echo $$ $! > ${pids}; wait`], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: "ignore",
    });
    await waitUntil("the command to start", () => {
      try {
        return pidsIn(pids).length === 2;
      } catch {
        return false;
      }
    }, 20_000);
    // SIGKILL of the process alone, as the OOM killer or `kill -9 <pid>` does: not its process group.
    child.kill("SIGKILL");
    for (const pid of pidsIn(pids)) await waitUntil(`process ${pid} to end`, () => !isRunning(pid), 5_000);
  });
});
