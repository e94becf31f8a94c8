import { TRPCClientError } from "@trpc/client";

/**
 * A message fit to show next to a field: the first input-validation issue when the server
 * rejected the input (see errorFormatter in server/api/trpc.ts), else the error's own message.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) {
    const issues = (err.data as { zodError?: { message: string }[] | null } | undefined)?.zodError;
    if (issues && issues.length > 0) return issues[0].message;
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
