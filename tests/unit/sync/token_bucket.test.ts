import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../hub/token_bucket';

describe('per-token rate limit', () => {
  it('allows a burst, then refills at the configured rate, separately per key', () => {
    const buckets = new TokenBuckets({ burst: 3, perSecond: 2 });
    const at = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('a', at).ok)).toEqual([true, true, true]);
    const refused = buckets.take('a', at);
    expect(refused).toEqual({ ok: false, retryAfterMs: 500 });
    expect(buckets.take('b', at).ok).toBe(true);
    expect(buckets.take('a', at + 499).ok).toBe(false);
    expect(buckets.take('a', at + 1_000).ok).toBe(true);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1 });
    for (let i = 0; i < 20_000; i++) buckets.take(`k${i}`, 0);
    expect((buckets as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(
      10_000,
    );
  });
});
