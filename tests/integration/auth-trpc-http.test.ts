/**
 * The real tRPC endpoint (app/api/trpc/[trpc]/route.ts) with HOPSCAPE_ADMIN_PASSWORD set, called as
 * a browser would: mutations refused without a session, allowed with one, refused from another
 * site even with one; reads stay open; the cookie's attributes; sign-out.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const ORIGIN = "http://127.0.0.1:3000";
const PASSWORD = "integration-test-password";

let t: TestDatabase;
let dataDir: string;
let handle: (req: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "hopscape-auth-"));
  // Read once per process by the route's modules, so set before they are imported.
  process.env.DATABASE_URL = t.url;
  process.env.HOPSCAPE_ADMIN_PASSWORD = PASSWORD;
  process.env.HOPSCAPE_DATA_DIR = dataDir;
  delete process.env.HOPSCAPE_HOST;
  delete process.env.HOPSCAPE_PRIVATE_BROWSING;
  handle = (await import("../../app/api/trpc/[trpc]/route")).POST;
});

afterAll(async () => {
  const { getPool } = await import("../../db/client");
  await getPool().end();
  await t?.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

interface Call {
  status: number;
  body: { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string; signInRequired: boolean } } } };
  setCookie: string | null;
}

async function call(kind: "query" | "mutation", proc: string, input: unknown, headers: Record<string, string> = {}): Promise<Call> {
  const base = { host: "127.0.0.1:3000", ...headers };
  const req =
    kind === "mutation"
      ? new Request(`${ORIGIN}/api/trpc/${proc}`, {
          method: "POST",
          headers: { ...base, "content-type": "application/json" },
          body: JSON.stringify({ json: input }),
        })
      : new Request(`${ORIGIN}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: base });
  const res = kind === "mutation" ? await handle(req) : await (await import("../../app/api/trpc/[trpc]/route")).GET(req);
  return { status: res.status, body: await res.json(), setCookie: res.headers.get("set-cookie") };
}

const sameSite = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
const pause = (paused: boolean, headers: Record<string, string>) => call("mutation", "stages.setPaused", { stage: "pathways", paused }, headers);
const pausedNow = async () => (await t.pool.query("select paused from stage_settings where stage = 'pathways'")).rows[0]?.paused ?? false;

async function signIn(headers: Record<string, string> = sameSite): Promise<string> {
  const res = await call("mutation", "auth.signIn", { password: PASSWORD }, { ...headers, "x-forwarded-for": "10.9.9.9" });
  expect(res.status).toBe(200);
  const cookie = res.setCookie ?? "";
  return cookie.split(";")[0];
}

describe("tRPC over HTTP with an admin password", () => {
  it("refuses a change without a session, with a sign-in message the UI recognises", async () => {
    const res = await pause(true, sameSite);
    expect(res.status).toBe(401);
    expect(res.body.error?.json.message).toMatch(/^Sign in to change settings/);
    expect(res.body.error?.json.data.signInRequired).toBe(true);
    expect(await pausedNow()).toBe(false);
  });

  it("keeps browsing open", async () => {
    const res = await call("query", "auth.session", undefined, {});
    expect(res.status).toBe(200);
    expect(res.body.result?.data.json).toEqual({ enabled: true, privateBrowsing: false, signedIn: false, expiresAt: null });
    expect((await call("query", "stages.queues", undefined, {})).status).toBe(200);
  });

  it("refuses a wrong password", async () => {
    const res = await call("mutation", "auth.signIn", { password: "not it" }, { ...sameSite, "x-forwarded-for": "10.1.1.1" });
    expect(res.status).toBe(401);
    expect(res.body.error?.json.message).toBe("Wrong password.");
    expect(res.body.error?.json.data.signInRequired).toBe(false);
    expect(res.setCookie).toBeNull();
  });

  it("sets an HTTP-only, SameSite=Lax session cookie, Secure only over https", async () => {
    const res = await call("mutation", "auth.signIn", { password: PASSWORD }, { ...sameSite, "x-forwarded-for": "10.1.1.2" });
    expect(res.setCookie).toMatch(/^hopscape_session=v1\.[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=86400$/);
    const https = await call("mutation", "auth.signIn", { password: PASSWORD }, { ...sameSite, "x-forwarded-proto": "https" });
    expect(https.setCookie).toMatch(/; Secure$/);
  });

  it("allows the change with a session, and the session query says so", async () => {
    const cookie = await signIn();
    const res = await pause(true, { ...sameSite, cookie });
    expect(res.status).toBe(200);
    expect(await pausedNow()).toBe(true);
    const session = await call("query", "auth.session", undefined, { cookie });
    expect(session.body.result?.data.json).toMatchObject({ enabled: true, signedIn: true });
  });

  it("refuses a change from another site even with a session, and a sign-in from another site", async () => {
    const cookie = await signIn();
    const res = await pause(false, { origin: "https://evil.example", cookie });
    expect(res.status).toBe(403);
    expect(res.body.error?.json.message).toMatch(/another site/);
    expect(await pausedNow()).toBe(true);
    const crossSiteSignIn = await call("mutation", "auth.signIn", { password: PASSWORD }, { "sec-fetch-site": "cross-site" });
    expect(crossSiteSignIn.status).toBe(403);
    expect(crossSiteSignIn.setCookie).toBeNull();
  });

  it("refuses a forged or tampered cookie", async () => {
    const cookie = await signIn();
    const tampered = cookie.slice(0, -2) + (cookie.endsWith("AA") ? "BB" : "AA");
    expect((await pause(false, { ...sameSite, cookie: tampered })).status).toBe(401);
    expect((await pause(false, { ...sameSite, cookie: "hopscape_session=v1.1.zzzzzz.abc.def" })).status).toBe(401);
  });

  it("signs out by clearing the cookie", async () => {
    const cookie = await signIn();
    const res = await call("mutation", "auth.signOut", undefined, { ...sameSite, cookie });
    expect(res.status).toBe(200);
    expect(res.setCookie).toMatch(/^hopscape_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
  });

  it("rate-limits repeated wrong passwords from one address", async () => {
    const from = { ...sameSite, "x-forwarded-for": "10.7.7.7" };
    for (let i = 0; i < 5; i++) expect((await call("mutation", "auth.signIn", { password: `guess ${i}` }, from)).status).toBe(401);
    const locked = await call("mutation", "auth.signIn", { password: PASSWORD }, from);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.json.message).toMatch(/Too many failed sign-ins: try again in 60 s/);
  });
});
