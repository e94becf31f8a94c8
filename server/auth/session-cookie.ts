/**
 * The session cookie: HTTP-only (no script can read it), SameSite=Lax (not sent on cross-site
 * POSTs, still sent when following a link to the dashboard) and Secure when the request came over
 * https, so the browser never sends it back in clear.
 */
import { verifySession, type Session } from "./session-token";
import type { AuthConfig } from "./auth-config";

export const SESSION_COOKIE = "hopscape_session";

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** https as the browser sees it: a TLS-terminating proxy says so in X-Forwarded-Proto. */
export function cameOverHttps(headers: Headers): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim();
  return proto === "https" || (headers.get("origin") ?? "").startsWith("https://");
}

export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  const attrs = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.floor(maxAgeMs / 1000)}`];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}

/** The request's valid session, or null (also when sign-in is off). */
export async function readSession(headers: Headers, config: AuthConfig, nowMs = Date.now()): Promise<Session | null> {
  if (config.password === null) return null;
  const token = readCookie(headers, SESSION_COOKIE);
  return token ? verifySession(await config.sessionKey(), token, nowMs) : null;
}
