"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./auth.module.css";
import { useSessionChanged } from "./use-session-changed";

/** The administrator password form; on success, back to where the user came from (`next`). */
export function SignInForm({ next }: { next: string }) {
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const session = useQuery(trpc.auth.session.queryOptions());
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async ({ expiresAt }) => {
        // Everything cached or in flight was fetched signed out (and with private browsing, refused).
        await sessionChanged({ signedIn: true, expiresAt });
        router.replace(next);
      },
    }),
  );

  if (session.data && !session.data.enabled) {
    return <p>Sign-in is off on this server (no HOPSCAPE_ADMIN_PASSWORD): anyone who can reach it may make changes.</p>;
  }
  // Not while this form's own sign-in is finishing (the session already says signed in then).
  if (session.data?.signedIn && !signIn.isPending && !signIn.isSuccess) {
    return (
      <p>
        You are signed in. <Link href={next}>Continue</Link>
      </p>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ password });
  };
  return (
    <form className={`panel ${styles.form}`} onSubmit={submit}>
      <label htmlFor="admin-password">Administrator password</label>
      <input
        id="admin-password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div>
        <button type="submit" className="button" disabled={signIn.isPending || password === ""}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </div>
      {signIn.error ? (
        <p className="error" role="alert">
          {errorMessage(signIn.error)}
        </p>
      ) : null}
    </form>
  );
}
