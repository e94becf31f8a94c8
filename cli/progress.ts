/**
 * A progress bar on stderr, so that stdout stays clean for --json. On a terminal it redraws one line;
 * elsewhere (CI logs, pipes) it prints a plain line per step.
 */
export function progressBar(total: number, label: string) {
  const tty = process.stderr.isTTY;
  let done = 0;
  const render = (what: string) => {
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label}${what ? `: ${what}` : ""}`;
    if (tty) process.stderr.write(`\r\x1b[2K${bar}`);
    else process.stderr.write(`${bar}\n`);
  };
  return {
    step(what = "") {
      done += 1;
      render(what);
    },
    finish() {
      if (tty) process.stderr.write("\n");
    },
  };
}
