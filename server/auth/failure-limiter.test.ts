import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./failure-limiter";

const MINUTE = 60_000;
const policy = { maxFailures: 5, windowMs: MINUTE, baseLockMs: MINUTE, maxLockMs: 8 * MINUTE };

function limiterAt(start = 0) {
  const clock = { now: start };
  return { clock, limiter: new FailureLimiter(policy, () => clock.now) };
}

describe("FailureLimiter", () => {
  it("locks a key out at the fifth failure within a minute, for a minute", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 4; i++) {
      limiter.recordFailure("a");
      clock.now += 1000;
    }
    expect(limiter.retryAfterMs("a")).toBe(0);
    limiter.recordFailure("a");
    expect(limiter.retryAfterMs("a")).toBe(MINUTE);
    clock.now += MINUTE - 1;
    expect(limiter.retryAfterMs("a")).toBe(1);
    clock.now += 1;
    expect(limiter.retryAfterMs("a")).toBe(0);
  });

  it("does not lock out failures spread over more than the window", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 20; i++) {
      limiter.recordFailure("a");
      clock.now += 15_001;
      expect(limiter.retryAfterMs("a")).toBe(0);
    }
  });

  it("doubles each lockout in a row up to the cap", () => {
    const { clock, limiter } = limiterAt();
    const locks: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 5; i++) limiter.recordFailure("a");
      locks.push(limiter.retryAfterMs("a"));
      clock.now += limiter.retryAfterMs("a");
    }
    expect(locks).toEqual([1, 2, 4, 8, 8, 8].map((m) => m * MINUTE));
  });

  it("starts afresh after a quiet spell as long as the longest lock", () => {
    const { clock, limiter } = limiterAt();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) limiter.recordFailure("a");
      clock.now += limiter.retryAfterMs("a");
    }
    clock.now += 8 * MINUTE + 1;
    for (let i = 0; i < 5; i++) limiter.recordFailure("a");
    expect(limiter.retryAfterMs("a")).toBe(MINUTE);
  });

  it("keeps keys apart and forgets a key on success", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordFailure("a");
    limiter.recordFailure("b");
    limiter.recordSuccess("a");
    limiter.recordFailure("a");
    expect(limiter.retryAfterMs("a")).toBe(0);
    for (let i = 0; i < 4; i++) limiter.recordFailure("b");
    expect(limiter.retryAfterMs("b")).toBe(MINUTE);
    expect(limiter.retryAfterMs("a")).toBe(0);
  });
});
