import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuthConfig } from "./auth-config";
import { guardRequest } from "./request-guard";
import { SESSION_COOKIE } from "./session-cookie";
import { signSession } from "./session-token";

const key = randomBytes(32);
const config = (over: Partial<AuthConfig> = {}): AuthConfig => ({
  password: "pw",
  privateBrowsing: false,
  publicOrigins: [],
  loopbackOnly: true,
  sessionKey: async () => key,
  ...over,
});
const ORIGIN = "http://127.0.0.1:3000";
const cookie = () => `${SESSION_COOKIE}=${signSession(key, Date.now(), 60_000)}`;

function request(method: string, path: string, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, { method, headers: { host: "127.0.0.1:3000", ...headers } });
}

describe("guardRequest (proxy.ts)", () => {
  it("lets reads through while browsing is open", async () => {
    expect(await guardRequest(request("GET", "/structures/csv"), config())).toBeNull();
  });

  it("needs a session for a POST to a route handler, and a same-site one", async () => {
    const refused = await guardRequest(request("POST", "/structures/csv", { origin: ORIGIN }), config());
    expect(refused?.status).toBe(401);
    expect(await refused?.text()).toMatch(/^Sign in to change settings/);
    expect(await guardRequest(request("POST", "/structures/csv", { origin: ORIGIN, cookie: cookie() }), config())).toBeNull();
    const foreign = await guardRequest(request("POST", "/structures/csv", { origin: "https://evil.example", cookie: cookie() }), config());
    expect(foreign?.status).toBe(403);
  });

  it("without a password checks only where a change comes from", async () => {
    const open = config({ password: null });
    expect(await guardRequest(request("POST", "/x", { origin: ORIGIN }), open)).toBeNull();
    expect((await guardRequest(request("POST", "/x", { origin: "https://evil.example" }), open))?.status).toBe(403);
  });

  it("with private browsing sends pages to sign-in and refuses downloads, but serves the sign-in page and assets", async () => {
    const closed = config({ privateBrowsing: true });
    const page = await guardRequest(request("GET", "/pathways?sort=barrier", { accept: "text/html" }), closed);
    expect(page?.status).toBe(303);
    expect(page?.headers.get("location")).toBe(`${ORIGIN}/sign-in?next=%2Fpathways%3Fsort%3Dbarrier`);
    expect((await guardRequest(request("GET", "/structures/csv", { accept: "*/*" }), closed))?.status).toBe(401);
    expect(await guardRequest(request("GET", "/sign-in", { accept: "text/html" }), closed)).toBeNull();
    expect(await guardRequest(request("GET", "/_next/static/chunks/app.js"), closed)).toBeNull();
    expect(await guardRequest(request("GET", "/structures/csv", { cookie: cookie() }), closed)).toBeNull();
  });
});
