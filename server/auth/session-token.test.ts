import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveSessionKey } from "./session-key";
import { signSession, verifySession } from "./session-token";

const key = randomBytes(32);
const T0 = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

describe("session tokens", () => {
  it("verifies a token it signed, until it expires", () => {
    const token = signSession(key, T0, HOUR);
    expect(verifySession(key, token, T0 + 1)).toEqual({ issuedAtMs: T0, expiresAtMs: T0 + HOUR });
    expect(verifySession(key, token, T0 + HOUR - 1)).not.toBeNull();
    expect(verifySession(key, token, T0 + HOUR)).toBeNull();
  });

  it("gives two sign-ins at the same moment different tokens", () => {
    expect(signSession(key, T0, HOUR)).not.toBe(signSession(key, T0, HOUR));
  });

  it("refuses a token signed with another key", () => {
    expect(verifySession(randomBytes(32), signSession(key, T0, HOUR), T0)).toBeNull();
  });

  it("refuses a token whose expiry was pushed back", () => {
    const [v, issued, , nonce, mac] = signSession(key, T0, HOUR).split(".");
    const extended = [v, issued, (T0 + 100 * HOUR).toString(36), nonce, mac].join(".");
    expect(verifySession(key, extended, T0 + 2 * HOUR)).toBeNull();
  });

  it("refuses a flipped MAC byte, a truncated MAC and garbage", () => {
    const token = signSession(key, T0, HOUR);
    const parts = token.split(".");
    const mac = Buffer.from(parts[4], "base64url");
    mac[0] ^= 1;
    expect(verifySession(key, [...parts.slice(0, 4), mac.toString("base64url")].join("."), T0)).toBeNull();
    expect(verifySession(key, token.slice(0, -4), T0)).toBeNull();
    expect(verifySession(key, "", T0)).toBeNull();
    expect(verifySession(key, "v1.x.y.z", T0)).toBeNull();
    expect(verifySession(key, token.replace(/^v1/, "v2"), T0)).toBeNull();
  });

  it("refuses a token issued well in the future (a clock it cannot trust)", () => {
    expect(verifySession(key, signSession(key, T0 + HOUR, HOUR), T0)).toBeNull();
    // Within a minute of skew is tolerated: servers' clocks differ a little.
    expect(verifySession(key, signSession(key, T0 + 30_000, HOUR), T0)).not.toBeNull();
  });

  it("derives a different key for a different password, so changing it signs everybody out", () => {
    const secret = randomBytes(32);
    const token = signSession(deriveSessionKey(secret, "old password"), T0, HOUR);
    expect(verifySession(deriveSessionKey(secret, "old password"), token, T0)).not.toBeNull();
    expect(verifySession(deriveSessionKey(secret, "new password"), token, T0)).toBeNull();
  });
});
