/**
 * SQLSTATE classes that mean the data itself is unacceptable (22 data exception, 23 integrity
 * constraint violation): running the same job again would fail the same way. Everything else
 * (lost connections, deadlocks, a server shutting down) may pass, so it is retried.
 */
const PERMANENT_SQLSTATE_CLASSES = new Set(["22", "23"]);

/** Whether a database error (possibly wrapped, e.g. by drizzle, in `cause`) is one retrying cannot fix. */
export function isPermanentDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return PERMANENT_SQLSTATE_CLASSES.has(code.slice(0, 2));
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The message of anything thrown, for stage_runs.last_error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    // drizzle wraps driver errors as "Failed query: <sql>"; the driver's own message is the useful part.
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}

/** Socket errors of a connection to a server that is down, restarting or unreachable. */
const CONNECTION_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** 08: connection exception; 57P01..57P03: the server is shutting down, crashed, or not accepting connections yet. */
const CONNECTION_SQLSTATE = /^(08...|57P0[123])$/;
/** node-postgres's own errors about a connection it lost (they carry no code). */
const CONNECTION_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable/;

/**
 * Whether an error (possibly wrapped in `cause`) means the database could not be reached, rather than
 * that it refused the query: waiting until it answers again and repeating the query can succeed.
 */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_ERRNOS.has(code) || CONNECTION_SQLSTATE.test(code))) return true;
    if (e instanceof Error && CONNECTION_MESSAGES.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
