import { describe, expect, it } from 'vitest';
import { formatEnrollmentCode, normalizeEnrollmentCode } from '../../../common/provisioning/enrollment';
import { GuessLimiter } from '../../../hub/enrollment/guess_limiter';

describe('enrollment codes', () => {
  it('accepts 12 digits typed with spaces or dashes, nothing else', () => {
    expect(normalizeEnrollmentCode('1234-5678-9012')).toBe('123456789012');
    expect(normalizeEnrollmentCode('1234 5678 9012')).toBe('123456789012');
    for (const bad of [
      '12345678901',
      '1234567890123',
      '1234-5678-901a',
      '１２３４５６７８９０１２',
      '1234\n5678\n9012',
      '',
      'x'.repeat(1_000_000),
    ])
      expect(normalizeEnrollmentCode(bad), bad.slice(0, 20)).toBeNull();
    expect(formatEnrollmentCode('123456789012')).toBe('1234-5678-9012');
  });

  it('limits guesses per key and lets the bucket refill', () => {
    const limiter = new GuessLimiter(3, 0.5);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a', 0)).toBe(0);
      limiter.fail('a', 0);
    }
    expect(limiter.retryAfterMs('a', 0)).toBe(2000);
    expect(limiter.retryAfterMs('b', 0)).toBe(0);
    expect(limiter.retryAfterMs('a', 2000)).toBe(0);
    // A reserved attempt that succeeded gives its token back, never above the burst.
    limiter.refund('a', 2000);
    limiter.refund('a', 2000);
    limiter.refund('a', 2000);
    for (let i = 0; i < 3; i++) limiter.fail('a', 2000);
    expect(limiter.retryAfterMs('a', 2000)).toBeGreaterThan(0);
  });
});
