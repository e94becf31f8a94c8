/**
 * Signed session tokens: `v1.<issued>.<expires>.<nonce>.<mac>`, the MAC an HMAC-SHA256 of the rest
 * under the session key. Stateless, so any web process holding the key can check a token without
 * the database; the price is that a token cannot be revoked before it expires except by changing the
 * key (see session-key.ts: a new password or secret signs everybody out).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const VERSION = "v1";
/** Issue times this far in the future are tolerated (clock steps between processes), no more. */
const CLOCK_SKEW_MS = 60_000;

export interface Session {
  issuedAtMs: number;
  expiresAtMs: number;
}

const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

export function signSession(key: Buffer, issuedAtMs: number, ttlMs: number): string {
  // The nonce makes two sign-ins in the same millisecond distinct tokens.
  const body = [VERSION, issuedAtMs.toString(36), (issuedAtMs + ttlMs).toString(36), randomBytes(12).toString("base64url")].join(".");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

const BASE36 = /^[0-9a-z]{1,12}$/;

/** The session a token stands for, or null if it is malformed, forged, expired or from the future. */
export function verifySession(key: Buffer, token: string, nowMs: number): Session | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION || !BASE36.test(parts[1]) || !BASE36.test(parts[2])) return null;
  const given = Buffer.from(parts[4], "base64url");
  const expected = mac(key, parts.slice(0, 4).join("."));
  // timingSafeEqual throws on unequal lengths; the length of a MAC is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAtMs = parseInt(parts[1], 36);
  const expiresAtMs = parseInt(parts[2], 36);
  if (!(nowMs < expiresAtMs) || issuedAtMs > nowMs + CLOCK_SKEW_MS) return null;
  return { issuedAtMs, expiresAtMs };
}
