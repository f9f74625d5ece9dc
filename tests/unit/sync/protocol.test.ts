import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../common/sync/app_version';
import { batchItemSchema, receiptSchema, uuidSchema } from '../../../common/sync/protocol';
import { formatToken, hubIdOfToken } from '../../../common/sync/token_format';

describe('sync protocol schemas', () => {
  it('accepts only canonical lower-case UUIDs as submission ids', () => {
    expect(uuidSchema.safeParse('9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d').success).toBe(true);
    for (const hostile of [
      '9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D',
      '../../hub.sqlite',
      "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d' OR '1'='1",
      '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\n',
      '',
      'x'.repeat(1_000_000),
    ]) {
      expect(uuidSchema.safeParse(hostile).success, hostile.slice(0, 40)).toBe(false);
    }
  });

  it('refuses submissions with unknown fields, control characters or wrong types', () => {
    const item = {
      uuid: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
      terminalId: 'kiosk-1',
      templateId: 'legal_aid_application',
      templateVersion: '1.0.0',
      payload: '{}',
      sha256: 'a'.repeat(64),
      receiptNo: 'BT-0001',
      createdAt: '2026-11-28T10:00:00.000Z',
      priority: 1,
      assisted: false,
    };
    expect(batchItemSchema.safeParse(item).success).toBe(true);
    expect(batchItemSchema.safeParse({ ...item, isAdmin: true }).success).toBe(false);
    expect(batchItemSchema.safeParse({ ...item, receiptNo: 'BT\n0001' }).success).toBe(false);
    expect(batchItemSchema.safeParse({ ...item, priority: '1' }).success).toBe(false);
    expect(batchItemSchema.safeParse({ ...item, terminalId: 'kiosk-1; rm -rf /' }).success).toBe(false);
    expect(batchItemSchema.safeParse({ ...item, sha256: 'A'.repeat(64) }).success).toBe(false);
  });

  it('treats a receipt as valid only with id, hash, hub id and time', () => {
    const receipt = {
      uuid: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
      sha256: 'a'.repeat(64),
      hubId: '0123456789abcdef',
      receivedAt: '2026-11-28T10:00:00.000Z',
    };
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(receiptSchema.safeParse({ ...receipt, sha256: undefined }).success).toBe(false);
    expect(receiptSchema.safeParse('<html>OK</html>').success).toBe(false);
  });

  it('reads the hub id out of a well-formed token only', () => {
    const secret = 'A'.repeat(43);
    expect(hubIdOfToken(formatToken('0123456789abcdef', secret))).toBe('0123456789abcdef');
    for (const bad of [
      '',
      'kh1..x',
      `kh1.0123456789abcdef.${secret}x`,
      `kh2.0123456789abcdef.${secret}`,
      `kh1.ZZ23456789abcdef.${secret}`,
    ])
      expect(hubIdOfToken(bad)).toBeNull();
  });

  it('compares app versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2', '1.2.1')).toBe(-1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
  });
});
