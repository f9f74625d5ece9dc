import { describe, expect, it } from 'vitest';
import { inRollout } from '../../../common/updates/rollout_bucket';
import { deviceBucket } from '../../../core/updates/device_bucket';

const ids = Array.from(
  { length: 10_000 },
  (_, i) => `baotou-${['qs', 'dh', 'kdl', 'gy'][i % 4]}-${String(i).padStart(5, '0')}`,
);

describe('staged rollout by terminal id', () => {
  it.each([1, 5, 10, 25, 50, 75, 90])('%i %% of 10,000 terminals take the release (±2 %%)', (percentage) => {
    const taking = ids.filter((id) => inRollout(deviceBucket(id), percentage)).length;
    expect(Math.abs(taking / ids.length - percentage / 100)).toBeLessThanOrEqual(0.02);
  });

  it('0 % reaches nobody and 100 % everybody', () => {
    expect(ids.some((id) => inRollout(deviceBucket(id), 0))).toBe(false);
    expect(ids.every((id) => inRollout(deviceBucket(id), 100))).toBe(true);
  });

  it('a terminal keeps its bucket, and raising the percentage never drops one that already updated', () => {
    const bucket = deviceBucket('baotou-qs-00042');
    expect(deviceBucket('baotou-qs-00042')).toBe(bucket);
    const at20 = ids.filter((id) => inRollout(deviceBucket(id), 20));
    expect(at20.every((id) => inRollout(deviceBucket(id), 40))).toBe(true);
  });

  it('spreads over all 100 buckets', () => {
    expect(new Set(ids.map(deviceBucket)).size).toBe(100);
  });
});
