import { TRPCClientError } from "@trpc/client";
import { errorMessage } from "../trpc/error-message";

/**
 * Every problem the server found, each with the field it is about ("criteria 2: …"): the input
 * issues of server/api/trpc.ts's errorFormatter, or the error's message when it was not the input.
 */
export function validationIssues(err: unknown): string[] {
  if (err instanceof TRPCClientError) {
    const issues = (err.data as { zodError?: Array<{ path: Array<string | number>; message: string }> | null } | undefined)?.zodError;
    if (issues && issues.length > 0) {
      return issues.map((i) => {
        const [field, index, ...rest] = i.path;
        const where = typeof index === "number" ? `${field} ${index + 1}` : [field, index].filter((x) => x !== undefined).join(" ");
        return `${[where, ...rest].filter(Boolean).join(" ")}: ${i.message}`;
      });
    }
  }
  return [errorMessage(err)];
}
