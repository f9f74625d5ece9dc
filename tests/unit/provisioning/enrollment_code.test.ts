import { describe, expect, it } from 'vitest';
import { formatEnrollmentCode, normalizeEnrollmentCode } from '../../../common/provisioning/enrollment';

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
});
