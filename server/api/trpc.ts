/**
 * tRPC initialisation: the request context, the transformer and the procedure builders that
 * every router under server/api/routers uses.
 */
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDb } from "../../db/client";

/**
 * Built once per request (HTTP handler) or per server-component render (caller). The database
 * handle is a shared pool, so creating the context costs nothing.
 */
export function createTRPCContext(opts: { headers: Headers }) {
  return { db: getDb(), headers: opts.headers };
}

export type TRPCContext = ReturnType<typeof createTRPCContext>;

const t = initTRPC.context<TRPCContext>().create({
  // superjson keeps Date values (createdAt) as Dates on the client.
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Flattened zod issues let forms show a message next to the field that failed.
    const zodError = error.cause instanceof ZodError ? error.cause.issues : null;
    return { ...shape, data: { ...shape.data, zodError } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
