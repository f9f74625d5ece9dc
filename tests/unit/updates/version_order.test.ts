import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../common/updates/version_order';

describe('release version order', () => {
  it('orders numerically, with a prerelease before its release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-beta.10', '1.2.0-beta.9', '0.9.9', '2.0.0', '1.2.1'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['0.9.9', '1.2.0-beta.9', '1.2.0-beta.10', '1.2.0', '1.2.1', '1.10.0', '2.0.0']);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});
