/**
 * Where to go after signing in: a path on this site only, so a crafted sign-in link cannot send the
 * user to another site (//evil.example, /\evil.example) or back to the sign-in page.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/^\/sign-in(\/|\?|$)/.test(next)) return "/";
  return next;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export const signInHref = (path: string) => `/sign-in?next=${encodeURIComponent(safeNextPath(path))}`;
