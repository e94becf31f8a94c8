"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTRPC } from "../trpc/trpc-provider";
import styles from "./auth.module.css";
import { signInHref } from "./safe-next-path";
import { useSessionChanged } from "./use-session-changed";

/** Sign in / Sign out at the end of the top bar; nothing when the server has no admin password. */
export function AuthNav() {
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const router = useRouter();
  const pathname = usePathname();
  const session = useQuery(trpc.auth.session.queryOptions());
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        // With private browsing nothing here may be shown any more; otherwise the page stays, read-only.
        if (session.data?.privateBrowsing) router.replace(signInHref(pathname));
        await sessionChanged({ signedIn: false, expiresAt: null });
      },
    }),
  );
  if (!session.data?.enabled) return null;
  return (
    <div className={styles.navItem}>
      {session.data.signedIn ? (
        <button type="button" className={styles.navButton} disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </button>
      ) : pathname === "/sign-in" ? null : (
        <Link href={signInHref(pathname)} className={styles.navButton}>
          Sign in
        </Link>
      )}
    </div>
  );
}
