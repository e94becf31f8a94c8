import { describe, expect, it } from "vitest";
import { parseRetryAfterMs, retryDelayMs } from "./retry-policy";

const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 1500, maxRetryAfterMs: 10_000 };

describe("retry policy", () => {
  it("doubles the delay from the base up to the cap, and stops after the last attempt", () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, 503, undefined, policy))).toEqual([500, 1000, 1500]);
    expect(retryDelayMs(4, 503, undefined, policy)).toBeUndefined();
  });

  it("retries rate limits, timeouts, server errors and network failures, not other client errors", () => {
    expect(retryDelayMs(1, 429, undefined, policy)).toBe(500);
    expect(retryDelayMs(1, 408, undefined, policy)).toBe(500);
    expect(retryDelayMs(1, undefined, undefined, policy)).toBe(500);
    for (const status of [400, 401, 403, 404, 422]) expect(retryDelayMs(1, status, undefined, policy)).toBeUndefined();
  });

  it("waits what Retry-After says, up to its own cap", () => {
    expect(retryDelayMs(1, 429, 7000, policy)).toBe(7000);
    expect(retryDelayMs(1, 429, 60_000, policy)).toBe(10_000);
  });

  it("reads Retry-After as seconds or as an HTTP-date", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfterMs("120", now)).toBe(120_000);
    expect(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfterMs("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});
