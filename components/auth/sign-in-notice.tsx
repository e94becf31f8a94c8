"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import styles from "./auth.module.css";
import { signInHref } from "./safe-next-path";
import { isSignInRequired } from "./sign-in-required";

/**
 * A banner with a sign-in link whenever the server refuses a change (or, with private browsing, a
 * read) for want of a session. It watches the shared query cache, so every page's forms get it
 * without handling that error themselves.
 */
export function SignInNotice() {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const show = (err: unknown) => {
      if (isSignInRequired(err)) setMessage((err as Error).message);
    };
    const stopMutations = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === "updated" && e.action.type === "error") show(e.action.error);
      // A successful sign-in elsewhere on the page makes the notice stale.
      if (e.type === "updated" && e.action.type === "success" && e.mutation.options.mutationKey?.flat().includes("signIn")) setMessage(null);
    });
    const stopQueries = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === "updated" && e.action.type === "error") show(e.action.error);
    });
    return () => {
      stopMutations();
      stopQueries();
    };
  }, [queryClient]);

  if (!message || pathname === "/sign-in") return null;
  return (
    <div className={styles.notice} role="alert" data-testid="sign-in-notice">
      <span>{message}</span>
      <Link href={signInHref(pathname)} className="button">
        Sign in
      </Link>
      <button type="button" className="button secondary" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
