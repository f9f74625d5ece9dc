/**
 * Rate limit per key (token id, or client address for failed authentication): a token bucket of
 * `burst` requests refilled at `perSecond`. The map is bounded so that a flood of keys cannot grow it.
 */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

const MAX_KEYS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  take(key: string, nowMs: number): TakeResult {
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: nowMs };
    const refill = ((nowMs - bucket.at) / 1000) * this.limit.perSecond;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + refill);
    bucket.at = nowMs;
    // Re-insert so the map's insertion order is least-recently-used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.limit.perSecond) * 1000) };
  }
}
