/**
 * Counts failed attempts per key (a client address, or "all") and locks a key out once it reaches
 * `maxFailures` within `windowMs`. Each lockout in a row lasts twice the one before, up to
 * `maxLockMs`; a key that stays quiet for `maxLockMs` after its lock ends starts afresh. In memory:
 * one web process, and a restart forgets (docs/deployment.md).
 */
export interface FailurePolicy {
  maxFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

interface KeyState {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

/** Bounds memory when many addresses fail: beyond this, idle keys are forgotten. */
const MAX_KEYS = 10_000;

export class FailureLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly policy: FailurePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const state = this.keys.get(key);
    return state ? Math.max(0, state.lockedUntil - this.now()) : 0;
  }

  recordFailure(key: string): void {
    const now = this.now();
    const state = this.keys.get(key) ?? { failures: [], lockedUntil: 0, lockouts: 0 };
    if (state.lockouts > 0 && now - state.lockedUntil > this.policy.maxLockMs) state.lockouts = 0;
    state.failures = state.failures.filter((t) => now - t < this.policy.windowMs);
    state.failures.push(now);
    if (state.failures.length >= this.policy.maxFailures) {
      state.lockouts += 1;
      state.lockedUntil = now + Math.min(this.policy.baseLockMs * 2 ** (state.lockouts - 1), this.policy.maxLockMs);
      state.failures = [];
    }
    this.keys.set(key, state);
    if (this.keys.size > MAX_KEYS) this.forgetIdle(now);
  }

  recordSuccess(key: string): void {
    this.keys.delete(key);
  }

  private forgetIdle(now: number): void {
    for (const [key, state] of this.keys) {
      const recent = state.failures.some((t) => now - t < this.policy.windowMs);
      if (!recent && state.lockedUntil + this.policy.maxLockMs < now) this.keys.delete(key);
    }
  }
}
