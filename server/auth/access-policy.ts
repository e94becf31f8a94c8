/**
 * The one rule for who may do what, shared by the tRPC middleware (server/api/trpc.ts) and the
 * route-handler guard (request-guard.ts), so pages, tRPC and downloads cannot drift apart.
 */
import type { AuthConfig } from "./auth-config";
import { crossSiteRefusal } from "./cross-site-check";
import { readSession } from "./session-cookie";
import type { Session } from "./session-token";

export type AccessRefusal = { status: 401; reason: "sign-in"; message: string } | { status: 403; reason: "cross-site"; message: string };

export type AccessDecision = { ok: true; session: Session | null } | ({ ok: false } & AccessRefusal);

export const SIGN_IN_TO_CHANGE = "Sign in to change settings: every change on this server needs an administrator session.";
export const SIGN_IN_TO_BROWSE = "Sign in to see this server's data: it is private.";

export async function decideAccess(args: {
  headers: Headers;
  config: AuthConfig;
  /** The request changes state (a tRPC mutation, a POST to a route handler). */
  changes: boolean;
  /** Allowed without a session (signing in and out, asking whether one is signed in). */
  signedOutAllowed?: boolean;
}): Promise<AccessDecision> {
  const { headers, config, changes } = args;
  if (changes) {
    const crossSite = crossSiteRefusal(headers, config);
    if (crossSite) return { ok: false, status: 403, reason: "cross-site", message: `Refused: ${crossSite}.` };
  }
  const session = await readSession(headers, config);
  if (config.password === null || session || args.signedOutAllowed) return { ok: true, session };
  if (changes) return { ok: false, status: 401, reason: "sign-in", message: SIGN_IN_TO_CHANGE };
  if (config.privateBrowsing) return { ok: false, status: 401, reason: "sign-in", message: SIGN_IN_TO_BROWSE };
  return { ok: true, session };
}
