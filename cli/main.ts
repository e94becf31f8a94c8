import { analyzeCommand } from "./commands/analyze";
import { checkpointCommand } from "./commands/checkpoint";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { inspectCommand } from "./commands/inspect";
import { pathsCommand } from "./commands/paths";
import { pruneCommand } from "./commands/prune";
import { resetCommand } from "./commands/reset";
import { workerCommand } from "./commands/worker";

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  inspect: { summary: "inspect FILE [--json]  formula, space group, lattice, density, oxidation states", run: inspectCommand },
  paths: {
    summary: "paths FILE [--ion F] [--max-length 5] [--limit 5|0] [--images 5] [--json]  distinct migration hops",
    run: pathsCommand,
  },
  analyze: {
    summary: "analyze FILE [--ion F] [--max-length 5] [--limit 5|0] [--images 5] [--grid 0.2|0.1] [--json]  measures and BVSE barriers, no database",
    run: analyzeCommand,
  },
  worker: {
    summary: "worker [--only STAGE,...] [--concurrency N]  run pipeline stages against DATABASE_URL",
    run: workerCommand,
  },
  import: {
    summary:
      "import mp [--elements F] [--max-sites N] [--max-e-above-hull X] | optimade URL [--filter F] [--limit N] [--restart]  queue structures from a database",
    run: importCommand,
  },
  export: {
    summary: "export vasp --pathway ID | --top N [--out FILE] [--flavour vtst|vasp] [--encut EV]  VASP NEB inputs as a zip",
    run: exportCommand,
  },
  checkpoint: {
    summary: "checkpoint create [--name N] | list | export ID [--table T] [--out F] | restore FILE  snapshots of the database",
    run: checkpointCommand,
  },
  prune: {
    summary: "prune [--older-than 7d] | prune settings [--schedule CRON] [--older-than 7d]  delete old finished workflow metadata",
    run: pruneCommand,
  },
  reset: { summary: "reset --yes [--force] [--checkpoints]  empty the database (refuses without --yes)", run: resetCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  hopscape ${c.summary}`);
  return ["usage:", ...lines].join("\n");
}

/** Entry point of the `hopscape` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`hopscape: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    console.error(`hopscape ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
