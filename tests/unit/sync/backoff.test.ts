import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF, nextDelayMs, parseRetryAfter } from '../../../common/sync/backoff';

describe('backoff', () => {
  it('starts near 2 s, doubles, and never exceeds the 5 minute cap', () => {
    const top = () => 1;
    const bottom = () => 0;
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, top)).toBe(2_000);
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, bottom)).toBe(1_000);
    expect(backoffDelayMs(2, DEFAULT_BACKOFF, top)).toBe(4_000);
    expect(backoffDelayMs(8, DEFAULT_BACKOFF, top)).toBe(256_000);
    for (const failures of [9, 20, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelayMs(failures, DEFAULT_BACKOFF, top)).toBe(300_000);
      expect(backoffDelayMs(failures, DEFAULT_BACKOFF, bottom)).toBe(150_000);
    }
  });

  it('spreads a fleet that failed together (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(5, DEFAULT_BACKOFF)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(16_000);
  });

  it('reads Retry-After as seconds or an HTTP date, bounded, and ignores garbage', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(3_600_000);
    for (const junk of [undefined, '', 'soon', '-5', '1e9', '$(reboot)'])
      expect(parseRetryAfter(junk, now)).toBeNull();
  });

  it('waits for the longer of the backoff and the hub’s Retry-After', () => {
    expect(nextDelayMs(1, 60_000, DEFAULT_BACKOFF, () => 1)).toBe(60_000);
    expect(nextDelayMs(9, 1_000, DEFAULT_BACKOFF, () => 1)).toBe(300_000);
    expect(nextDelayMs(1, null, DEFAULT_BACKOFF, () => 1)).toBe(2_000);
  });
});
