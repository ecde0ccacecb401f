import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter.js';

describe('LoginRateLimiter', () => {
  it('blocks an IP + email after 10 failures until the window ends', () => {
    let now = 0;
    const limiter = new LoginRateLimiter({ now: () => now });
    for (let i = 0; i < 10; i += 1) {
      expect(limiter.retryAfterSeconds('1.1.1.1', 'a@x.io')).toBe(0);
      limiter.recordFailure('1.1.1.1', 'a@x.io');
    }
    expect(limiter.retryAfterSeconds('1.1.1.1', 'a@x.io')).toBe(900);
    expect(limiter.retryAfterSeconds('2.2.2.2', 'a@x.io')).toBe(0);
    expect(limiter.retryAfterSeconds('1.1.1.1', 'b@x.io')).toBe(0);
    now = 15 * 60 * 1000;
    expect(limiter.retryAfterSeconds('1.1.1.1', 'a@x.io')).toBe(0);
  });

  it('caps failures per IP across emails, and a success clears only the IP + email key', () => {
    const limiter = new LoginRateLimiter({ maxPerEmail: 2, maxPerIp: 3, now: () => 0 });
    limiter.recordFailure('ip', 'a');
    limiter.recordFailure('ip', 'a');
    expect(limiter.retryAfterSeconds('ip', 'a')).toBeGreaterThan(0);
    limiter.recordSuccess('ip', 'a');
    expect(limiter.retryAfterSeconds('ip', 'a')).toBe(0);
    limiter.recordFailure('ip', 'b');
    expect(limiter.retryAfterSeconds('ip', 'c')).toBeGreaterThan(0);
  });

  it('stays bounded in memory', () => {
    const limiter = new LoginRateLimiter({ maxKeys: 10, now: () => 0 });
    for (let i = 0; i < 100; i += 1) limiter.recordFailure(`ip${i}`, 'a');
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10);
  });
});
