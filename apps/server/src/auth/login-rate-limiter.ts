export type RateLimitOptions = {
  /** Failures allowed per client IP + email in a window (10 by default); the next attempt gets 429. */
  maxPerEmail?: number;
  /** Failures allowed per client IP across all emails in a window (100 by default), against spraying. */
  maxPerIp?: number;
  windowMs?: number;
  /** Keys kept in memory at most; expired ones are swept first, then the oldest dropped. */
  maxKeys?: number;
  now?: () => number;
};

type Window = { failures: number; resetAt: number };

/**
 * In-memory login throttle keyed by the client IP (from the connection, as Fastify's `request.ip`) and the
 * normalised email: the key never comes from the body alone (RELIABILITY H5, H7). Per process: a cluster needs a
 * shared store.
 */
export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxPerEmail: number;
  private readonly maxPerIp: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    this.maxPerEmail = options.maxPerEmail ?? 10;
    this.maxPerIp = options.maxPerIp ?? 100;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Seconds to wait before trying again, or 0 when the attempt may proceed. */
  retryAfterSeconds(ip: string, email: string): number {
    const now = this.now();
    const blockedUntil = Math.max(
      this.blockedUntil(`e\n${ip}\n${email}`, this.maxPerEmail, now),
      this.blockedUntil(`i\n${ip}`, this.maxPerIp, now),
    );
    return blockedUntil > now ? Math.ceil((blockedUntil - now) / 1000) : 0;
  }

  recordFailure(ip: string, email: string): void {
    const now = this.now();
    this.bump(`e\n${ip}\n${email}`, now);
    this.bump(`i\n${ip}`, now);
  }

  /** A successful login clears the IP + email window (the per-IP window keeps counting). */
  recordSuccess(ip: string, email: string): void {
    this.windows.delete(`e\n${ip}\n${email}`);
  }

  private blockedUntil(key: string, max: number, now: number): number {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) return 0;
    return window.failures >= max ? window.resetAt : 0;
  }

  private bump(key: string, now: number): void {
    const window = this.windows.get(key);
    if (window && window.resetAt > now) {
      window.failures += 1;
      return;
    }
    this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.evict(now);
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
