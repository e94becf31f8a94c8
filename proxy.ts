/**
 * Next.js proxy (formerly "middleware"): runs before every page and route handler. Changes that do
 * not go through tRPC (POSTs to route handlers, e.g. uploads) need the same-site check and, with
 * HOPSCAPE_ADMIN_PASSWORD, a session; with HOPSCAPE_PRIVATE_BROWSING=1 so does everything else.
 * /api/trpc is left to the tRPC middleware (server/api/trpc.ts), which answers in tRPC's own format.
 */
import { guardRequest } from "./server/auth/request-guard";

export async function proxy(request: Request): Promise<Response | undefined> {
  return (await guardRequest(request)) ?? undefined;
}

export const config = {
  matcher: ["/((?!api/trpc|_next/static|_next/image|favicon.ico).*)"],
};
