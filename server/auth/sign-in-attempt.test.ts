import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuthConfig } from "./auth-config";
import { attemptSignIn, clientAddress, createSignInLimits } from "./sign-in-attempt";
import { verifySession } from "./session-token";

const key = randomBytes(32);
const config: AuthConfig = { password: "correct horse", privateBrowsing: false, publicOrigins: [], loopbackOnly: true, sessionKey: async () => key };
const from = (ip: string) => new Headers({ "x-forwarded-for": ip });

describe("attemptSignIn", () => {
  it("issues a token the session check accepts for the right password only", async () => {
    const limits = createSignInLimits();
    const ok = await attemptSignIn({ password: "correct horse", headers: from("10.0.0.1"), config, limits, now: 1000 });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(verifySession(key, ok.token, 2000)).not.toBeNull();
    expect(await attemptSignIn({ password: "correct horsf", headers: from("10.0.0.1"), config, limits })).toEqual({ ok: false, reason: "wrong-password" });
    expect(await attemptSignIn({ password: "x", headers: from("1.1.1.1"), config: { ...config, password: null }, limits })).toEqual({ ok: false, reason: "disabled" });
  });

  it("locks out a client after five failures, even for the right password, but not another client", async () => {
    const clock = { now: 0 };
    const limits = createSignInLimits(() => clock.now);
    for (let i = 0; i < 5; i++) await attemptSignIn({ password: "guess", headers: from("10.0.0.2"), config, limits });
    const locked = await attemptSignIn({ password: "correct horse", headers: from("10.0.0.2"), config, limits });
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterMs: 60_000 });
    expect((await attemptSignIn({ password: "correct horse", headers: from("10.0.0.3"), config, limits })).ok).toBe(true);
    clock.now += 60_000;
    expect((await attemptSignIn({ password: "correct horse", headers: from("10.0.0.2"), config, limits })).ok).toBe(true);
  });

  it("locks out everybody when failures come from many (possibly forged) addresses", async () => {
    const limits = createSignInLimits(() => 0);
    for (let i = 0; i < 30; i++) await attemptSignIn({ password: "guess", headers: from(`10.1.0.${i}`), config, limits });
    const outcome = await attemptSignIn({ password: "correct horse", headers: from("10.2.0.1"), config, limits });
    expect(outcome).toMatchObject({ ok: false, reason: "locked" });
  });

  it("takes the address the nearest proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.9" }))).toBe("10.0.0.9");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
