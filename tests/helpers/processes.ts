import { readFileSync } from "node:fs";

/** Whether a process exists and is not a zombie (killed, waiting for its parent or init to reap it). Linux. */
export function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z";
  } catch {
    return false;
  }
}
