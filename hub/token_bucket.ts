/**
 * Rate limit per key (a token id, a presented token that failed, one socket's frames): a token bucket of
 * `burst` requests refilled at `perSecond`, in this process. The map is bounded so that a flood of keys
 * cannot grow it.
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

  /** 0 when `key` may go ahead now, else how many ms until it may (nothing is taken). */
  peek(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * this.limit.perSecond,
    );
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.limit.perSecond) * 1000);
  }

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
