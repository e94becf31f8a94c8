/**
 * When to try an HTTP request again and how long to wait first. Pure: the caller passes the time
 * (for an HTTP-date Retry-After) and does the waiting, so tests can replay a server's answers
 * without real delays.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt, ms; it doubles for each further attempt. */
  baseDelayMs: number;
  /** No computed delay is longer than this, ms. */
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this, ms; a longer one is cut to it. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** 429 (rate limited), 408 (request timeout) and server errors pass; other 4xx will fail again the same way. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 408 || (status >= 500 && status <= 599);

/**
 * A Retry-After header in ms: delta-seconds ("120") or an HTTP-date, which is measured from `nowMs`.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The delay before attempt `attempt + 1` after attempt `attempt` (1-based) failed, or undefined when
 * no further attempt should be made. `status` is undefined for a network failure (no response), which
 * is retried like a server error. Delays are capped exponential: base × 2^(attempt−1), at most
 * maxDelayMs; a Retry-After from the server replaces the computed delay (capped at maxRetryAfterMs).
 */
export function retryDelayMs(
  attempt: number,
  status: number | undefined,
  retryAfterMs: number | undefined,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (status !== undefined && !isRetryableStatus(status)) return undefined;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}
