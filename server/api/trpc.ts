/**
 * tRPC initialisation: the request context, the transformer and the procedure builders that
 * every router under server/api/routers uses.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDb } from "../../db/client";
import type { Database } from "../../db/client";
import { decideAccess, type AccessRefusal } from "../auth/access-policy";
import { processAuthConfig, type AuthConfig } from "../auth/auth-config";

export interface TRPCContext {
  db: Database;
  headers: Headers;
  /** Headers of the HTTP response (Set-Cookie); absent for in-process callers. */
  resHeaders?: Headers;
  /** Access-control settings; the process's (from the environment) unless a test passes its own. */
  auth?: AuthConfig;
}

/**
 * Built once per request (HTTP handler) or per server-component render (caller). The database
 * handle is a shared pool, so creating the context costs nothing.
 */
export function createTRPCContext(opts: { headers: Headers; resHeaders?: Headers; auth?: AuthConfig }): TRPCContext {
  return { db: getDb(), headers: opts.headers, resHeaders: opts.resHeaders, auth: opts.auth };
}

export interface ProcedureMeta {
  /** Reachable without a session even when one is required (signing in, asking who is signed in). */
  signedOutAllowed?: boolean;
}

/** Carried as the cause of a refusal so the client can tell "sign in" apart from other errors. */
class AccessRefused extends Error {
  constructor(readonly refusal: AccessRefusal) {
    super(refusal.message);
  }
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    // superjson keeps Date values (createdAt) as Dates on the client.
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Flattened zod issues let forms show a message next to the field that failed.
      const zodError = error.cause instanceof ZodError ? error.cause.issues : null;
      // The UI shows a sign-in link for this instead of a bare error (components/auth).
      const signInRequired = error.cause instanceof AccessRefused && error.cause.refusal.reason === "sign-in";
      return { ...shape, data: { ...shape.data, zodError, signInRequired } };
    },
  });

/**
 * Every procedure passes through here, so a router added later is covered without an edit:
 * mutations are refused when they come from another site, and, once HOPSCAPE_ADMIN_PASSWORD is
 * set, without a session; queries need one only with HOPSCAPE_PRIVATE_BROWSING=1.
 */
const accessControl = t.middleware(async ({ ctx, type, meta, next }) => {
  const auth = ctx.auth ?? processAuthConfig();
  const decision = await decideAccess({
    headers: ctx.headers,
    config: auth,
    // Subscriptions only read; there are none yet.
    changes: type === "mutation",
    signedOutAllowed: meta?.signedOutAllowed,
  });
  if (!decision.ok) {
    throw new TRPCError({
      code: decision.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN",
      message: decision.message,
      cause: new AccessRefused(decision),
    });
  }
  return next({ ctx: { auth, session: decision.session } });
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
/** The only procedure builder: despite its name every call goes through access control. */
export const publicProcedure = t.procedure.use(accessControl);
