/**
 * Signing in and out with the administrator password (HOPSCAPE_ADMIN_PASSWORD). The session is an
 * HTTP-only cookie set on the tRPC response; see server/auth for how it is signed and checked.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { attemptSignIn, processSignInLimits } from "../../auth/sign-in-attempt";
import { SESSION_TTL_MS } from "../../auth/auth-config";
import { cameOverHttps, clearedSessionCookie, sessionCookie } from "../../auth/session-cookie";
import { createTRPCRouter, publicProcedure } from "../trpc";

const open = publicProcedure.meta({ signedOutAllowed: true });

function responseHeaders(resHeaders: Headers | undefined): Headers {
  // In-process callers (server components) have no response to put a cookie on.
  if (!resHeaders) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "signing in and out needs an HTTP request" });
  return resHeaders;
}

export const authRouter = createTRPCRouter({
  session: open.query(({ ctx }) => ({
    enabled: ctx.auth.password !== null,
    privateBrowsing: ctx.auth.privateBrowsing,
    signedIn: ctx.session !== null,
    expiresAt: ctx.session ? new Date(ctx.session.expiresAtMs) : null,
  })),

  signIn: open.input(z.object({ password: z.string().min(1, "type the password").max(1024) })).mutation(async ({ ctx, input }) => {
    const resHeaders = responseHeaders(ctx.resHeaders);
    const outcome = await attemptSignIn({ password: input.password, headers: ctx.headers, config: ctx.auth, limits: processSignInLimits() });
    if (outcome.ok) {
      resHeaders.append("set-cookie", sessionCookie(outcome.token, SESSION_TTL_MS, cameOverHttps(ctx.headers)));
      return { expiresAt: new Date(outcome.expiresAtMs) };
    }
    switch (outcome.reason) {
      case "disabled":
        throw new TRPCError({ code: "BAD_REQUEST", message: "Sign-in is off on this server (no HOPSCAPE_ADMIN_PASSWORD): changes are open." });
      case "locked": {
        const seconds = Math.ceil(outcome.retryAfterMs / 1000);
        resHeaders.set("retry-after", String(seconds));
        throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `Too many failed sign-ins: try again in ${seconds} s.` });
      }
      case "wrong-password":
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong password." });
    }
  }),

  signOut: open.mutation(({ ctx }) => {
    responseHeaders(ctx.resHeaders).append("set-cookie", clearedSessionCookie(cameOverHttps(ctx.headers)));
    return { signedOut: true };
  }),
});
