/**
 * Checks a sign-in: refused without comparing while the client (or everybody) is locked out, a
 * failure counted against both, a success clears the client's count and yields a session token.
 */
import { SESSION_TTL_MS, type AuthConfig } from "./auth-config";
import { FailureLimiter } from "./failure-limiter";
import { passwordMatches } from "./password-match";
import { signSession } from "./session-token";

export interface SignInLimits {
  perClient: FailureLimiter;
  /**
   * Across all clients: the per-client key comes from X-Forwarded-For, which a client talking to the
   * server directly can forge, so this bounds the guessing rate whatever the header says.
   */
  overall: FailureLimiter;
}

const MINUTE = 60_000;

export function createSignInLimits(now: () => number = Date.now): SignInLimits {
  return {
    perClient: new FailureLimiter({ maxFailures: 5, windowMs: MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE }, now),
    overall: new FailureLimiter({ maxFailures: 30, windowMs: MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE }, now),
  };
}

let processLimits: SignInLimits | undefined;
export function processSignInLimits(): SignInLimits {
  processLimits ??= createSignInLimits();
  return processLimits;
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js fills
 * the header with the socket address when the request arrives without one).
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return entries.at(-1) ?? "unknown";
}

export type SignInOutcome =
  | { ok: true; token: string; expiresAtMs: number }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

const OVERALL = "all";

export async function attemptSignIn(args: {
  password: string;
  headers: Headers;
  config: AuthConfig;
  limits: SignInLimits;
  now?: number;
}): Promise<SignInOutcome> {
  const { config, limits } = args;
  if (config.password === null) return { ok: false, reason: "disabled" };
  const client = `ip:${clientAddress(args.headers)}`;
  const retryAfterMs = Math.max(limits.perClient.retryAfterMs(client), limits.overall.retryAfterMs(OVERALL));
  if (retryAfterMs > 0) return { ok: false, reason: "locked", retryAfterMs };
  if (!passwordMatches(args.password, config.password)) {
    limits.perClient.recordFailure(client);
    limits.overall.recordFailure(OVERALL);
    return { ok: false, reason: "wrong-password" };
  }
  limits.perClient.recordSuccess(client);
  const now = args.now ?? Date.now();
  return { ok: true, token: signSession(await config.sessionKey(), now, SESSION_TTL_MS), expiresAtMs: now + SESSION_TTL_MS };
}
