import type { Metadata } from "next";
import { safeNextPath } from "../../components/auth/safe-next-path";
import { SignInForm } from "../../components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">
        Changes on this server (submissions, settings, queues, checkpoints) need the administrator password set in
        HOPSCAPE_ADMIN_PASSWORD.
      </p>
      <SignInForm next={safeNextPath(typeof next === "string" ? next : undefined)} />
    </>
  );
}
