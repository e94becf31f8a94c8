import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../db/embedded";

/** The conventional local server CI provides (user postgres, trust authentication). */
export const LOCAL_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BaseServer {
  /** A URL on the server whose user may create databases; test databases are made beside it. */
  url: string;
  /** Where it came from, for the log. */
  origin: "TEST_DATABASE_URL" | "local server" | "embedded";
  stop?: () => Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The server test databases are created on: TEST_DATABASE_URL if set, else the local server on 5432
 * when it answers, else an embedded PostgreSQL (data kept in the temp dir so later runs start fast).
 */
export async function resolveBaseServer(): Promise<BaseServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { url: configured, origin: "TEST_DATABASE_URL" };
  if (await answers(LOCAL_SERVER_URL)) return { url: LOCAL_SERVER_URL, origin: "local server" };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), "hopscape-test-postgres"),
    database: "postgres",
    log: () => undefined,
  });
  return { url: embedded.url, origin: "embedded", stop: embedded.stop };
}
