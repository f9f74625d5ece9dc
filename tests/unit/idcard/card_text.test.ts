import { describe, expect, it } from 'vitest';
import { cardValues } from '../../../core/idcard/card_values';
import type { CardText } from '../../../core/idcard/text_block';
import { encodeTextBlock, parseTextBlock, TEXT_BLOCK_BYTES } from '../../../core/idcard/text_block';
import { SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';

const NOW = new Date('2026-06-01T04:00:00Z');
const text = (card: CardText) => {
  const parsed = parseTextBlock(encodeTextBlock(card));
  if (!parsed.ok) throw new Error('unparsable sample');
  return parsed.value;
};

describe('the card text block (256 bytes UCS-2LE)', () => {
  it('round-trips every field at its fixed width, padding removed', () => {
    const block = encodeTextBlock(SAMPLE_CARDS.sample);
    expect(block.length).toBe(TEXT_BLOCK_BYTES);
    // the name field is 30 bytes: 李 (U+674E) little-endian first, then 明, then space padding
    expect([...block.subarray(0, 6)]).toEqual([0x4e, 0x67, 0x0e, 0x66, 0x20, 0x00]);
    expect(text(SAMPLE_CARDS.sample)).toEqual(SAMPLE_CARDS.sample);
  });

  it('refuses a block of the wrong size or with control characters', () => {
    expect(parseTextBlock(new Uint8Array(255))).toEqual({ ok: false, error: 'unreadable' });
    const block = encodeTextBlock(SAMPLE_CARDS.sample);
    block[2] = 0x07;
    block[3] = 0x00;
    expect(parseTextBlock(block)).toEqual({ ok: false, error: 'unreadable' });
  });
});

describe('card values for the form', () => {
  it('turns a card into answers: option values, ISO dates, the ethnic group by its code', () => {
    const values = cardValues(text(SAMPLE_CARDS.sample), NOW);
    expect(values).toEqual({
      ok: true,
      value: {
        values: {
          name: '李明',
          sex: 'male',
          ethnicity: '汉族',
          birth_date: '1985-06-12',
          address: '内蒙古包头市昆都仑区钢铁大街1号2单元301室',
          id_number: SAMPLE_CARDS.sample.idNumber,
        },
        mongolian: false,
      },
    });
  });

  it('knows 蒙古族 (code 02) and a card without end date (长期)', () => {
    const values = cardValues(text(SAMPLE_CARDS.mongolian), NOW);
    expect(values.ok && values.value.values.ethnicity).toBe('蒙古族');
    expect(values.ok && values.value.mongolian).toBe(true);
  });

  it('an expired card is expired, the day after its end date and not before', () => {
    expect(cardValues(text(SAMPLE_CARDS.expired), NOW)).toEqual({ ok: false, error: 'expired' });
    const lastDay = { ...SAMPLE_CARDS.sample, validTo: '20260601' };
    expect(cardValues(text(lastDay), NOW).ok).toBe(true);
  });

  it('a card whose fields disagree is unreadable, never guessed at', () => {
    const broken = [
      { birth: '19850613' },
      { sexCode: '2' },
      { idNumber: `${SAMPLE_CARDS.sample.idNumber.slice(0, 17)}0` },
      { nationCode: '77' },
      { validTo: '2035' },
      { name: '' },
    ];
    for (const change of broken) {
      expect(cardValues(text({ ...SAMPLE_CARDS.sample, ...change }), NOW), JSON.stringify(change)).toEqual({
        ok: false,
        error: 'unreadable',
      });
    }
  });
});
