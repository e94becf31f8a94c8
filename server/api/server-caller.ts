/**
 * tRPC for server components: the same procedures and input validation as over HTTP, called
 * in-process. One caller per request (React cache), built from that request's headers.
 */
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "./root";
import { createTRPCContext } from "./trpc";

export const getServerCaller = cache(async () => createCaller(createTRPCContext({ headers: await headers() })));
