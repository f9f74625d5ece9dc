import { describe, expect, it } from 'vitest';
import { receiptNumber, receiptPrefix, terminalCode } from '../../../core/forms/receipt_numbers';
import { formatRetrievalCode, newRetrievalCode } from '../../../core/forms/retrieval_codes';

describe('retrieval codes', () => {
  it('are 12 digits and never one already taken', () => {
    const taken = new Set<string>();
    let asked = 0;
    const code = newRetrievalCode((candidate) => {
      asked++;
      // Refuse the first three candidates as if they were in use.
      if (asked <= 3) {
        taken.add(candidate);
        return true;
      }
      return taken.has(candidate);
    });
    expect(code).toMatch(/^\d{12}$/);
    expect(taken.has(code)).toBe(false);
    expect(asked).toBeGreaterThanOrEqual(4);
    expect(formatRetrievalCode('012345678901')).toBe('0123 4567 8901');
    expect(formatRetrievalCode('01234567')).toBe('0123 4567');
  });
});

describe('receipt numbers', () => {
  it('use the terminal, the local day in Baotou and a sequence', () => {
    expect(terminalCode('bt-kdq-0012')).toBe('0012');
    expect(terminalCode('---')).toBe('TERM');
    // 17:00 UTC on 28 November is already 29 November in Baotou.
    expect(receiptPrefix('bt-kdq-0012', new Date('2026-11-28T17:00:00Z'))).toBe('BT-0012-261129-');
    expect(receiptNumber('BT-0012-261129-', 7)).toBe('BT-0012-261129-007');
    expect(receiptNumber('BT-0012-261129-', 1234)).toBe('BT-0012-261129-1234');
  });
});
