/**
 * Access-control settings, read from the environment once per process:
 *
 * - HOPSCAPE_ADMIN_PASSWORD: when set, every change needs a signed-in session; unset, changes are
 *   open to whoever reaches the server (which listens on 127.0.0.1 unless HOPSCAPE_HOST says otherwise).
 * - HOPSCAPE_PRIVATE_BROWSING=1: with a password, reading (pages, queries, downloads) needs a session too.
 * - HOPSCAPE_PUBLIC_ORIGINS: comma-separated origins the app is also reached at, e.g. behind a reverse
 *   proxy that rewrites Host (https://hopscape.example.org).
 * - HOPSCAPE_HOST: the address the server listens on; a loopback address makes changes require a
 *   loopback Host header (or a public origin's), which defeats DNS rebinding.
 * - HOPSCAPE_SESSION_SECRET / HOPSCAPE_DATA_DIR: see session-secret.ts.
 */
import { deriveSessionKey } from "./session-key";
import { loadSessionSecret, type Env } from "./session-secret";

export interface AuthConfig {
  /** null: sign-in is off and changes are open (still refused from other sites). */
  password: string | null;
  privateBrowsing: boolean;
  /** Exact origins (scheme://host[:port]) accepted besides the request's own Host. */
  publicOrigins: string[];
  /** The server listens on a loopback address only. */
  loopbackOnly: boolean;
  /** The HMAC key for session tokens; loaded on first use, since only sign-in setups need one. */
  sessionKey(): Promise<Buffer>;
}

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

function parseOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const url = new URL(s);
      if (url.origin !== s.replace(/\/$/, "")) throw new Error(`HOPSCAPE_PUBLIC_ORIGINS: "${s}" is not an origin (scheme://host[:port], no path)`);
      return url.origin;
    });
}

export function authConfigFromEnv(env: Env = process.env): AuthConfig {
  const password = env.HOPSCAPE_ADMIN_PASSWORD ? env.HOPSCAPE_ADMIN_PASSWORD : null;
  let key: Promise<Buffer> | undefined;
  return {
    password,
    // Without a password there is nothing to sign in with, so browsing stays open.
    privateBrowsing: password !== null && env.HOPSCAPE_PRIVATE_BROWSING === "1",
    publicOrigins: parseOrigins(env.HOPSCAPE_PUBLIC_ORIGINS),
    loopbackOnly: isLoopbackHostname(env.HOPSCAPE_HOST ?? "127.0.0.1"),
    sessionKey() {
      if (password === null) return Promise.reject(new Error("no HOPSCAPE_ADMIN_PASSWORD: sessions are off"));
      key ??= loadSessionSecret(env).then(({ secret }) => deriveSessionKey(secret, password));
      return key;
    },
  };
}

let processConfig: AuthConfig | undefined;

/** This process's settings (the environment does not change while it runs). */
export function processAuthConfig(): AuthConfig {
  processConfig ??= authConfigFromEnv();
  return processConfig;
}
