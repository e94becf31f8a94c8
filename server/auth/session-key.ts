import { createHmac } from "node:crypto";

/**
 * The key sessions are signed with, derived from the server secret AND the admin password: changing
 * HOPSCAPE_ADMIN_PASSWORD (or the secret) invalidates every session issued before, which is the only
 * way to revoke stateless tokens early.
 */
export function deriveSessionKey(secret: Buffer, password: string): Buffer {
  return createHmac("sha256", secret).update("hopscape-session\0").update(password, "utf8").digest();
}
