import { spawnSync } from "node:child_process";

/**
 * The shell around an external command: the command runs in a session of its own (setsid), so it and
 * everything it starts (mpirun, VASP) form one process group, and a watcher checks once a second that
 * the worker process that started it still lives and that the time limit has not passed; otherwise it
 * kills the whole group. Without it, a worker killed with SIGKILL (the OOM killer, `kill -9` of its
 * pid) would leave the calculation running, and the retry of its run would start a second one in the
 * same folder. The watcher's output goes nowhere, so that it never holds the command's pipes open.
 * `env kill`: the kill of procps, since dash's own builtin takes no process group (a negative pid).
 */
const WATCHED = `
setsid sh -c "$1" &
job=$!
(
  elapsed=0
  while sleep 1; do
    elapsed=$((elapsed + 1))
    if ! kill -0 "$HOPSCAPE_WATCH_PID" 2>/dev/null || [ "$elapsed" -ge "$2" ]; then
      env kill -KILL -- "-$job" 2>/dev/null
      exit 0
    fi
  done
) >/dev/null 2>&1 &
watcher=$!
wait "$job"
status=$?
kill "$watcher" 2>/dev/null
exit $status
`;

export interface CommandResult {
  /** Exit status; 128 + signal number when a signal ended the command. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** The command ran into its time limit and was killed. */
  timedOut: boolean;
  /** The shell could not be started at all. */
  error?: Error;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeLimitSeconds: number;
}

/**
 * Runs `command` with /bin/sh in `cwd` and waits for it (blocking the calling thread), killing its
 * whole process group at the time limit or as soon as this process has died.
 */
export function runWatchedCommand(command: string, options: CommandOptions): CommandResult {
  const started = performance.now();
  const run = spawnSync("/bin/sh", ["-c", WATCHED, "hopscape-command", command, String(options.timeLimitSeconds)], {
    cwd: options.cwd,
    env: { ...options.env, HOPSCAPE_WATCH_PID: String(process.pid) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // A last resort should the shell itself hang: the watcher has killed the command well before.
    timeout: (options.timeLimitSeconds + 30) * 1000,
    killSignal: "SIGKILL",
  });
  const status = run.status ?? null;
  const killed = status === 128 + 9 || run.signal === "SIGKILL";
  return {
    status,
    stdout: run.stdout ?? "",
    stderr: run.stderr ?? "",
    timedOut: killed && performance.now() - started >= options.timeLimitSeconds * 1000,
    error: run.error && (run.error as NodeJS.ErrnoException).code !== "ETIMEDOUT" ? run.error : undefined,
  };
}
