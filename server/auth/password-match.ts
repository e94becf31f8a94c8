import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a typed password with the configured one in time that does not depend on where they
 * differ. Both are hashed first so the comparison is over equal lengths and leaks no length either.
 */
export function passwordMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
