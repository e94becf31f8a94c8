import { spawn } from "node:child_process";
import { nextBin } from "./next-build";

export interface WebServer {
  url: string;
  /** The `next start` process, e.g. to sample its memory. */
  pid: number | undefined;
  /** Resolves with the exit code (or signal) when the server process ends, for whatever reason. */
  exited: Promise<string>;
  /** Asks the server to stop (SIGTERM, then SIGKILL after `graceMs`) and waits for it. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs `next start` as a child process with the given environment (DATABASE_URL among it). */
export function startWebServer(root: string, host: string, port: number, env: NodeJS.ProcessEnv): WebServer {
  const child = spawn(process.execPath, [nextBin(), "start", "-H", host, "-p", String(port)], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  const exited = new Promise<string>((resolve) => {
    child.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`));
    child.on("error", (e) => resolve(`failed to start: ${e.message}`));
  });
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost === "0.0.0.0" ? "127.0.0.1" : urlHost}:${port}`,
    pid: child.pid,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until something answers HTTP at `url` (any status), so the printed URL works when printed. */
export async function waitForHttp(url: string, exited: Promise<string>, timeoutMs = 60_000): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (!gone && Date.now() < deadline) {
    try {
      await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}
