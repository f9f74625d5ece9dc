import { describe, expect, it } from 'vitest';
import { allSteps, type Step } from '../../../common/forms/template_schema';
import { validateAnswer } from '../../../common/forms/validate_answer';
import { latestTemplate } from './bundled_templates';

const NOW = new Date('2026-11-28T04:00:00Z');
const legalAid = latestTemplate('legal_aid_application');
const step = (id: string): Step => allSteps(legalAid).find((s) => s.id === id)!;
const check = (id: string, value: Parameters<typeof validateAnswer>[1], answers = {}) =>
  validateAnswer(step(id), value, { answers, now: NOW });

describe('answers of the legal-aid application', () => {
  it('normalizes valid answers', () => {
    expect(check('phone', '139 1234 5678')).toEqual({ ok: true, value: '13912345678' });
    expect(check('resident_id', '150203199003070025', { birth_date: '1990-03-07', sex: 'female' })).toEqual({
      ok: true,
      value: '150203199003070025',
    });
    expect(check('household_size', '3')).toEqual({ ok: true, value: 3 });
    expect(check('accommodations', ['home_visit', 'sign_language'])).toEqual({
      ok: true,
      value: ['sign_language', 'home_visit'],
    });
  });

  it('checks the certificate against the earlier answers', () => {
    const earlier = {
      resident_id: '150203199003070025',
      disability_category: 'category_4',
      disability_level: 'level_2',
    };
    expect(check('disability_cert_no', '15020319900307002542', earlier)).toEqual({
      ok: true,
      value: '15020319900307002542',
    });
    expect(check('disability_cert_no', '15020319900307002541', earlier)).toMatchObject({
      error: { key: 'errors.disability_cert.level_mismatch' },
    });
  });

  it('refuses an ID number that contradicts the answered sex', () => {
    expect(check('resident_id', '150203199003070025', { sex: 'male' })).toMatchObject({
      error: { key: 'errors.resident_id.sex_mismatch' },
    });
  });

  it.each([
    ['full_name', '', 'errors.required'],
    ['full_name', 'x'.repeat(51), 'errors.text.too_long'],
    ['full_name', 42, 'errors.wrong_type'],
    ['matter_description', 'a'.repeat(1_001), 'errors.text.too_long'],
    ['matter_description', 'short', 'errors.text.too_short'],
    ['birth_date', '1990-02-31', 'errors.date.not_a_day'],
    ['birth_date', '2030-01-01', 'errors.date.in_future'],
    ['household_size', 0, 'errors.number.too_small'],
    ['household_size', 2.5, 'errors.number.not_integer'],
    ['household_size', 'three', 'errors.number.not_a_number'],
    ['aid_type', 'free_money', 'errors.choice.unknown'],
    ['accommodations', ['none', 'braille'], 'errors.choice.exclusive'],
    ['accommodations', [], 'errors.required'],
    ['honesty_commitment', 'disagree', 'errors.choice.unknown'],
    ['has_disability_cert', 'yes', 'errors.wrong_type'],
    ['signature', 'M 0 0 L 10 10"/><script>', 'errors.signature.invalid'],
    ['preferred_lawyer', 'sample_lawyer_1', 'errors.choice.unknown'],
  ])('%s = %j → %s', (id, value, key) => {
    expect(check(id, value as never)).toMatchObject({ ok: false, error: { key } });
  });

  it('accepts published options only when the core supplies them', () => {
    const options = [{ value: 'sample_lawyer_1', label: { 'zh-CN': '甲', en: 'A' } }];
    expect(
      validateAnswer(step('preferred_lawyer'), 'sample_lawyer_1', {
        answers: {},
        now: NOW,
        sourceOptions: options,
      }),
    ).toEqual({
      ok: true,
      value: 'sample_lawyer_1',
    });
  });

  it('clears an optional answer given empty', () => {
    expect(check('other_party', '   ')).toEqual({ ok: true, value: null });
  });
});
