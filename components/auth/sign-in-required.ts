import { TRPCClientError } from "@trpc/client";

/** The server refused for want of a session (server/api/trpc.ts marks it in the error's data). */
export function isSignInRequired(err: unknown): boolean {
  return err instanceof TRPCClientError && (err.data as { signInRequired?: boolean } | undefined)?.signInRequired === true;
}
