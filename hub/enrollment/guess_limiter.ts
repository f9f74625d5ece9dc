/**
 * Slows down code guessing: each attempt takes one token from the key's bucket (`burst`, refilled at
 * `perSecond`) before its code is looked at — so concurrent requests cannot all slip through — and a
 * successful one gets it back: a technician who types right is never slowed down. While a bucket is empty
 * the key is refused unread.
 */
export class GuessLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  private tokens(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.burst;
    return Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.perSecond);
  }

  /** 0 when the key may try now, otherwise how long until it may. */
  retryAfterMs(key: string, nowMs: number): number {
    const tokens = this.tokens(key, nowMs);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.perSecond) * 1000);
  }

  /** Gives back the token a successful attempt reserved. */
  refund(key: string, nowMs: number): void {
    const bucket = this.buckets.get(key);
    if (bucket)
      this.buckets.set(key, { tokens: Math.min(this.burst, this.tokens(key, nowMs) + 1), at: nowMs });
  }

  fail(key: string, nowMs: number): void {
    const tokens = Math.max(0, this.tokens(key, nowMs) - 1);
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: nowMs });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
