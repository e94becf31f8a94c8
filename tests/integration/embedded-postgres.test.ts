import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../db/embedded";

let dataDir: string | undefined;
let server: EmbeddedPostgres | undefined;

afterAll(async () => {
  await server?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const isListening = (port: number) =>
  query(`postgres://nobody@127.0.0.1:${port}/postgres`, "select 1").then(
    () => true,
    (e: Error & { code?: string }) => e.code !== "ECONNREFUSED",
  );

it("starts, stops and starts again on the same data", async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "hopscape-embedded-"));
  // mkdtemp makes the directory private; as root, postgres runs as another user who must enter it.
  await fs.chmod(dataDir, 0o755);
  const quiet = { dataDir, log: () => undefined };

  server = await startEmbeddedPostgres(quiet);
  expect(server.reusedData).toBe(false);
  expect(server.url).toMatch(/\/hopscape$/);
  await query(server.url, "create table kept (note text); insert into kept values ('written before the restart')");
  const firstPort = server.port;
  await server.stop();
  expect(await isListening(firstPort)).toBe(false);

  server = await startEmbeddedPostgres(quiet);
  expect(server.reusedData).toBe(true);
  const rows = await query(server.url, "select note from kept");
  expect(rows.rows).toEqual([{ note: "written before the restart" }]);
  await server.stop();
  expect(await isListening(server.port)).toBe(false);
  server = undefined;
});
