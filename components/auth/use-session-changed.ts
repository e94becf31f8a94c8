"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc/trpc-provider";

/**
 * What a page does once signing in or out has been answered: every answer cached or on its way was
 * fetched with the old session. invalidateQueries alone is not enough: a query still on its first
 * fetch (no data yet, e.g. the session asked for as the sign-in page loads) is not refetched but
 * joins the fetch in flight, whose old answer then counts as fresh. So queries in flight are cancelled
 * first (their late answers are dropped), the session is written as it now is, and everything is
 * refetched with the new cookie.
 */
export function useSessionChanged(): (session: { signedIn: boolean; expiresAt: Date | null }) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async ({ signedIn, expiresAt }) => {
    await queryClient.cancelQueries();
    queryClient.setQueryData(trpc.auth.session.queryKey(), (old) => old && { ...old, signedIn, expiresAt });
    await queryClient.invalidateQueries();
  };
}
