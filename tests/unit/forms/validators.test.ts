import { describe, expect, it } from 'vitest';
import { validateDate } from '../../../common/forms/validators/dates';
import {
  checkDisabilityCertConsistency,
  validateDisabilityCert,
} from '../../../common/forms/validators/disability_cert';
import { validatePhone } from '../../../common/forms/validators/phone';
import { checkResidentIdConsistency, validateResidentId } from '../../../common/forms/validators/resident_id';
import { validateText } from '../../../common/forms/validators/text';

const NOW = new Date('2026-11-28T04:00:00Z');

// Fictitious numbers; check characters computed independently (Python) from GB 11643-1999.
const STANDARD_EXAMPLE = '11010519491231002X'; // the example printed in the standard itself
const BAOTOU_FEMALE = '150203199003070025';
const BAOTOU_MALE_X = '15020319850506005X';
const LEAP_DAY = '150204200002290036';

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts valid numbers and reads birth date and sex', () => {
    expect(validateResidentId(STANDARD_EXAMPLE, NOW)).toEqual({
      ok: true,
      value: { number: STANDARD_EXAMPLE, birthDate: '1949-12-31', sex: 'female' },
    });
    expect(validateResidentId(BAOTOU_FEMALE, NOW)).toMatchObject({ ok: true, value: { sex: 'female' } });
    expect(validateResidentId(BAOTOU_MALE_X, NOW)).toMatchObject({
      ok: true,
      value: { birthDate: '1985-05-06', sex: 'male' },
    });
    expect(validateResidentId(LEAP_DAY, NOW)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it('accepts a lower-case x and spaces between groups', () => {
    expect(validateResidentId('150203 19850506 005x', NOW)).toMatchObject({
      ok: true,
      value: { number: BAOTOU_MALE_X },
    });
  });

  it.each([
    ['wrong check digit', '150203199003070026', 'errors.resident_id.check_digit'],
    ['X where a digit belongs', '15020319900307002X', 'errors.resident_id.check_digit'],
    ['17 characters', '15020319900307002', 'errors.resident_id.length'],
    ['19 characters', '1502031990030700251', 'errors.resident_id.length'],
    ['letters inside', '1502031990O3070025', 'errors.resident_id.characters'],
    ['unknown province 99', '990203199003070025', 'errors.resident_id.region'],
    ['30 February', '150203199002300021', 'errors.resident_id.birth_date'],
    ['29 February 1900 (not a leap year)', '150203190002290021', 'errors.resident_id.birth_date'],
    ['born in the future', '150203203001010021', 'errors.resident_id.birth_in_future'],
    ['SQL fragment', "1' OR '1'='1", 'errors.resident_id.length'],
  ])('refuses %s', (_name, input, key) => {
    const result = validateResidentId(input, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toBe(key);
  });

  it('gives an example of a valid number in its error', () => {
    const result = validateResidentId('123', NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(validateResidentId(String(result.error.params.example), NOW).ok).toBe(true);
  });

  it('checks the number against the answered birth date and sex (odd 17th digit = male)', () => {
    const male = validateResidentId(BAOTOU_MALE_X, NOW);
    if (!male.ok) throw new Error('fixture');
    expect(checkResidentIdConsistency(male.value, { birthDate: '1985-05-06', sex: 'male' }).ok).toBe(true);
    expect(checkResidentIdConsistency(male.value, { sex: 'female' })).toMatchObject({
      ok: false,
      error: { key: 'errors.resident_id.sex_mismatch' },
    });
    expect(checkResidentIdConsistency(male.value, { birthDate: '1985-06-05' })).toMatchObject({
      ok: false,
      error: { key: 'errors.resident_id.birth_mismatch' },
    });
  });
});

describe('disability certificate number (第二代残疾人证)', () => {
  it('accepts the ID number followed by category 1–7 and level 1–4', () => {
    expect(validateDisabilityCert(`${BAOTOU_FEMALE}42`, NOW)).toEqual({
      ok: true,
      value: { number: `${BAOTOU_FEMALE}42`, residentId: BAOTOU_FEMALE, category: 4, level: 2 },
    });
    expect(validateDisabilityCert(`${BAOTOU_MALE_X.toLowerCase()}71`, NOW)).toMatchObject({
      ok: true,
      value: { category: 7, level: 1 },
    });
  });

  it.each([
    ['category 8', `${BAOTOU_FEMALE}82`, 'errors.disability_cert.category'],
    ['category 0', `${BAOTOU_FEMALE}02`, 'errors.disability_cert.category'],
    ['level 5', `${BAOTOU_FEMALE}45`, 'errors.disability_cert.level'],
    ['only the ID number', BAOTOU_FEMALE, 'errors.disability_cert.length'],
    ['a bad ID check digit inside', '15020319900307002642', 'errors.disability_cert.resident_id'],
    ['letters', `${BAOTOU_FEMALE}A2`, 'errors.disability_cert.characters'],
  ])('refuses %s', (_name, input, key) => {
    const result = validateDisabilityCert(input, NOW);
    expect(result.ok ? null : result.error.key).toBe(key);
  });

  it('must agree with the answered ID number, category and level', () => {
    const cert = validateDisabilityCert(`${BAOTOU_FEMALE}42`, NOW);
    if (!cert.ok) throw new Error('fixture');
    expect(
      checkDisabilityCertConsistency(cert.value, { residentId: BAOTOU_FEMALE, category: 4, level: 2 }).ok,
    ).toBe(true);
    expect(checkDisabilityCertConsistency(cert.value, { residentId: BAOTOU_MALE_X })).toMatchObject({
      error: { key: 'errors.disability_cert.id_mismatch' },
    });
    expect(checkDisabilityCertConsistency(cert.value, { category: 1 })).toMatchObject({
      error: { key: 'errors.disability_cert.category_mismatch' },
    });
    expect(checkDisabilityCertConsistency(cert.value, { level: 1 })).toMatchObject({
      error: { key: 'errors.disability_cert.level_mismatch' },
    });
  });
});

describe('phone numbers', () => {
  it.each([
    ['13912345678', 'mobile', '13912345678'],
    ['+86 139 1234 5678', 'mobile', '13912345678'],
    ['199-1234-5678', 'mobile', '19912345678'],
    ['0472-5123456', 'landline', '0472-5123456'],
    ['(0472) 51234567', 'landline', '0472-51234567'],
    ['0472-5123456-801', 'landline', '0472-5123456-801'],
    ['04725123456转801', 'landline', '0472-5123456-801'],
    ['010-62345678', 'landline', '010-62345678'],
  ])('accepts %s as %s', (input, kind, normalized) => {
    expect(validatePhone(input, 'any')).toEqual({ ok: true, value: { kind, normalized } });
  });

  it.each([
    ['12912345678', 'starts 12'],
    ['1391234567', '10 digits'],
    ['139123456789', '12 digits'],
    ['5123456', 'landline without area code'],
    ['0472-0123456', 'local number starting with 0'],
    ['0472-5123456-1234567', 'extension too long'],
    ['<script>alert(1)</script>', 'markup'],
  ])('refuses %s (%s)', (input) => {
    expect(validatePhone(input, 'any')).toMatchObject({ ok: false, error: { key: 'errors.phone.any' } });
  });

  it('keeps mobile-only and landline-only fields apart', () => {
    expect(validatePhone('0472-5123456', 'mobile')).toMatchObject({
      ok: false,
      error: { key: 'errors.phone.mobile' },
    });
    expect(validatePhone('13912345678', 'landline')).toMatchObject({
      ok: false,
      error: { key: 'errors.phone.landline' },
    });
  });
});

describe('dates', () => {
  it('refuses 31 February and 29 February of a common year, accepts leap days', () => {
    expect(validateDate('2023-02-31', {}, NOW)).toMatchObject({
      ok: false,
      error: { key: 'errors.date.not_a_day' },
    });
    expect(validateDate('2023-02-29', {}, NOW)).toMatchObject({
      ok: false,
      error: { key: 'errors.date.not_a_day' },
    });
    expect(validateDate('2100-02-29', {}, NOW)).toMatchObject({
      ok: false,
      error: { key: 'errors.date.not_a_day' },
    });
    expect(validateDate('2024-02-29', {}, NOW)).toEqual({ ok: true, value: '2024-02-29' });
    expect(validateDate('2000-02-29', {}, NOW)).toEqual({ ok: true, value: '2000-02-29' });
    expect(validateDate('2026-04-31', {}, NOW).ok).toBe(false);
    expect(validateDate('2026-13-01', {}, NOW).ok).toBe(false);
  });

  it('refuses other formats with an example', () => {
    expect(validateDate('7/3/1990', {}, NOW)).toMatchObject({
      ok: false,
      error: { key: 'errors.date.format', params: { example: '1990-03-07' } },
    });
  });

  it('applies bounds, with today in Baotou time (UTC+8)', () => {
    // 2026-11-28T20:00Z is already 29 November in Baotou.
    const lateEvening = new Date('2026-11-28T20:00:00Z');
    expect(validateDate('2026-11-29', { notAfter: 'today' }, lateEvening).ok).toBe(true);
    expect(validateDate('2026-11-30', { notAfter: 'today' }, lateEvening)).toMatchObject({
      error: { key: 'errors.date.in_future' },
    });
    expect(validateDate('2026-11-28', { notBefore: 'today' }, lateEvening)).toMatchObject({
      error: { key: 'errors.date.in_past' },
    });
    expect(validateDate('1899-12-31', { notBefore: '1900-01-01' }, NOW)).toMatchObject({
      error: { key: 'errors.date.too_early', params: { min: '1900-01-01' } },
    });
  });
});

describe('text', () => {
  const rule = { maxLength: 5, multiline: false };
  it('counts characters, not UTF-16 units, and trims', () => {
    expect(validateText('  王小明  ', rule)).toEqual({ ok: true, value: '王小明' });
    expect(validateText('😀😀😀😀😀', rule)).toEqual({ ok: true, value: '😀😀😀😀😀' });
    expect(validateText('😀😀😀😀😀😀', rule)).toMatchObject({
      error: { key: 'errors.text.too_long', params: { max: 5, length: 6 } },
    });
  });

  it('refuses control characters, bidi overrides, broken UTF-16 and newlines in one-line text', () => {
    expect(validateText('ab\u0000c', rule)).toMatchObject({
      error: { key: 'errors.text.control_characters' },
    });
    expect(validateText('ab\u202ec', rule)).toMatchObject({
      error: { key: 'errors.text.control_characters' },
    });
    expect(validateText('a\nb', rule)).toMatchObject({ error: { key: 'errors.text.control_characters' } });
    expect(validateText('a\ud800b', rule)).toMatchObject({
      error: { key: 'errors.text.invalid_characters' },
    });
    expect(validateText('a\r\nb', { maxLength: 10, multiline: true })).toEqual({ ok: true, value: 'a\nb' });
  });

  it('keeps markup and SQL as plain text', () => {
    const long = { maxLength: 200, multiline: false };
    expect(validateText('<script>alert(1)</script>', long)).toEqual({
      ok: true,
      value: '<script>alert(1)</script>',
    });
    expect(validateText("x'); DROP TABLE drafts;--", long)).toEqual({
      ok: true,
      value: "x'); DROP TABLE drafts;--",
    });
  });

  it('applies named patterns', () => {
    const name = { maxLength: 50, multiline: false, pattern: 'person_name' as const };
    expect(validateText('阿拉坦·其木格', name).ok).toBe(true);
    expect(validateText('John Smith', name).ok).toBe(true);
    expect(validateText('王小明1', name)).toMatchObject({ error: { key: 'errors.pattern.person_name' } });
    expect(validateText('<b>王</b>', name)).toMatchObject({ error: { key: 'errors.pattern.person_name' } });
  });
});
