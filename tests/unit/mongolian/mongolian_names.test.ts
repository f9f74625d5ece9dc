import { describe, expect, it } from 'vitest';
import { validateText } from '../../../common/forms/validators/text';

const name = { maxLength: 50, multiline: false, pattern: 'person_name' as const };
const cp = (...codes: number[]) => String.fromCodePoint(...codes);

describe('names typed on the Mongolian keyboard', () => {
  it('are valid names, with the vowel separator and the narrow no-break space inside', () => {
    expect(validateText(cp(0x182a, 0x1820, 0x1832, 0x1824), name).ok).toBe(true); // batu
    expect(validateText(cp(0x1830, 0x1820, 0x1837, 0x1828, 0x180e, 0x1820), name).ok).toBe(true); // MVS + a
    expect(validateText(cp(0x182a, 0x1820, 0x1832, 0x1824, 0x202f, 0x1836, 0x1822, 0x1828), name).ok).toBe(
      true,
    );
    expect(validateText(cp(0x182a, 0x1820, 0x180b, 0x1832, 0x1824), name).ok).toBe(true); // FVS1
  });

  it('still refuse digits, markup and a vowel separator at the start', () => {
    const err = { error: { key: 'errors.pattern.person_name' } };
    expect(validateText(`${cp(0x182a, 0x1820)}1`, name)).toMatchObject(err);
    expect(validateText(`<b>${cp(0x182a)}</b>`, name)).toMatchObject(err);
    expect(validateText(cp(0x180e, 0x1820), name)).toMatchObject(err);
  });
});
