/**
 * Access control is one middleware under every procedure, so it must cover every router, including
 * ones added after it: each mutation of the app router is called without a session (refused before
 * its input is even read) and from another site (refused even with a session). With private
 * browsing, queries need a session too, except the sign-in status itself.
 */
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../../server/api/root";
import type { AuthConfig } from "../../server/auth/auth-config";
import { SESSION_COOKIE } from "../../server/auth/session-cookie";
import { signSession } from "../../server/auth/session-token";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const key = randomBytes(32);
const config = (privateBrowsing: boolean): AuthConfig => ({
  password: "pw",
  privateBrowsing,
  publicOrigins: [],
  loopbackOnly: true,
  sessionKey: async () => key,
});
const host = { host: "127.0.0.1:3000" };
const validCookie = () => `${SESSION_COOKIE}=${signSession(key, Date.now(), 60_000)}`;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

type AnyProcedure = ((input: unknown) => Promise<unknown>) & Record<string, unknown>;
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);
const mutations = procedures.filter(([p, proc]) => proc._def.type === "mutation" && !p.startsWith("auth.")).map(([p]) => p);
const queries = procedures.filter(([p, proc]) => proc._def.type === "query" && p !== "auth.session").map(([p]) => p);

function callerAt(path: string, headers: Record<string, string>, auth: AuthConfig): AnyProcedure {
  const caller = createCaller({ db: t.db, headers: new Headers(headers), auth }) as unknown as Record<string, unknown>;
  return path.split(".").reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, caller) as unknown as AnyProcedure;
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "allowed";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `other: ${e}`;
  }
}

describe("every mutation", () => {
  it("finds the routers' mutations (the list is not empty by accident)", () => {
    expect(mutations).toEqual(expect.arrayContaining(["submissions.submit", "stages.setPaused", "settings.save"]));
  });

  it.each(mutations)("%s is refused without a session", async (path) => {
    expect(await refusal(() => callerAt(path, { ...host, origin: "http://127.0.0.1:3000" }, config(false))({}))).toBe("UNAUTHORIZED");
  });

  it.each(mutations)("%s is refused from another site, session or not", async (path) => {
    const headers = { ...host, origin: "https://evil.example", cookie: validCookie() };
    expect(await refusal(() => callerAt(path, headers, config(false))({}))).toBe("FORBIDDEN");
  });

  it("with a session, gets past access control to its own input check", async () => {
    const run = callerAt("stages.setPaused", { ...host, cookie: validCookie() }, config(false));
    expect(await refusal(() => run({}))).toBe("BAD_REQUEST");
  });
});

describe("private browsing", () => {
  it.each(queries)("%s needs a session", async (path) => {
    expect(await refusal(() => callerAt(path, host, config(true))({}))).toBe("UNAUTHORIZED");
  });

  it("still tells a signed-out visitor that sign-in is on, and serves a signed-in one", async () => {
    expect(await callerAt("auth.session", host, config(true))(undefined)).toMatchObject({ enabled: true, privateBrowsing: true, signedIn: false });
    const queues = callerAt("stages.queues", { ...host, cookie: validCookie() }, config(true));
    expect(Array.isArray(await queues(undefined))).toBe(true);
  });

  it("refuses an expired session", async () => {
    const expired = `${SESSION_COOKIE}=${signSession(key, Date.now() - 120_000, 60_000)}`;
    expect(await refusal(() => callerAt("stages.queues", { ...host, cookie: expired }, config(true))(undefined))).toBe("UNAUTHORIZED");
  });
});
