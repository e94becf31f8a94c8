/**
 * Access control for everything that is not tRPC: route handlers (downloads, CSV, uploads) and
 * pages. proxy.ts runs it in front of every request, so a route handler added later is covered
 * without an edit; a handler may also call it itself.
 */
import { decideAccess } from "./access-policy";
import { processAuthConfig, type AuthConfig } from "./auth-config";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths anyone may load even when browsing is private: the sign-in page and the assets it needs. */
const ALWAYS_OPEN = [/^\/sign-in\/?$/, /^\/_next\//, /^\/favicon\.ico$/];

/** The refusal to send instead of handling `req`, or null when it may go on. */
export async function guardRequest(req: Request, config: AuthConfig = processAuthConfig()): Promise<Response | null> {
  const url = new URL(req.url);
  const changes = !READ_METHODS.has(req.method.toUpperCase());
  const open = !changes && ALWAYS_OPEN.some((p) => p.test(url.pathname));
  const decision = await decideAccess({ headers: req.headers, config, changes, signedOutAllowed: open });
  if (decision.ok) return null;
  const wantsPage = !changes && ((req.headers.get("accept") ?? "").includes("text/html") || req.headers.has("rsc"));
  if (decision.reason === "sign-in" && wantsPage) {
    const signIn = new URL("/sign-in", url);
    signIn.searchParams.set("next", url.pathname + url.search);
    return Response.redirect(signIn, 303);
  }
  return new Response(`${decision.message}\n`, {
    status: decision.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
