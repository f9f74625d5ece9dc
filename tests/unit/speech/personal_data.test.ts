import { describe, expect, it } from 'vitest';
import { isPersonalField } from '../../../common/forms/personal_fields';
import { type Step, stepSchema } from '../../../common/forms/template_schema';
import { spellDigits } from '../../../common/speech/spell_digits';
import { createI18n } from '../../../renderer/i18n/i18n';
import { reviewAnswer, spokenReviewAnswer } from '../../../renderer/screens/forms/review_answer';

describe('reading typed personal data (ACCESSIBILITY.md row 17)', () => {
  it('spells an ID number digit by digit in Chinese, X as 叉, in groups of four', () => {
    expect(spellDigits('11010519491231002X', 'zh-CN')).toEqual({
      text: '一一零一，零五一九，四九一二，三一零零，二叉',
      language: 'zh-CN',
    });
  });

  it('spells in English, dropping spaces and dashes', () => {
    expect(spellDigits('138-0013 8000', 'en')).toEqual({
      text: 'one three eight zero, zero one three eight, zero zero zero',
      language: 'en',
    });
  });

  it('spells in Chinese for Mongolian (no Mongolian voice)', () => {
    expect(spellDigits('110', 'mn-Mong-CN')).toEqual({ text: '一一零', language: 'zh-CN' });
  });
});

const text = (zh: string, en = zh) => ({ 'zh-CN': zh, en });
const stepOf = (field: Record<string, unknown>): Step =>
  stepSchema.parse({ id: 'q', field, required: true, label: text('答案'), prompt: text('问题') });

describe('which fields are personal: one decision (common/forms/personal_fields.ts)', () => {
  it('phone, resident ID and disability certificate are personal; other fields are not', () => {
    const personal = ['phone', 'resident_id', 'disability_cert'];
    for (const type of [
      'text',
      'long_text',
      'number',
      'date',
      'address',
      'yes_no',
      'signature',
      ...personal,
    ]) {
      expect(isPersonalField({ type } as Step['field']), type).toBe(personal.includes(type));
    }
  });

  it('the review reads a personal answer only as "filled in" with its length, never its digits', () => {
    const t = createI18n('zh-CN').getFixedT('zh-CN', 'forms_ui');
    const phone = stepOf({ type: 'phone' });
    expect(spokenReviewAnswer(phone, '13800138000', 'zh-CN', t)).toBe('已填写，共 11 位');
    expect(reviewAnswer(phone, '13800138000', 'zh-CN', t)).toBe('13800138000');
    const address = stepOf({ type: 'address' });
    expect(spokenReviewAnswer(address, '包头市昆都仑区', 'zh-CN', t)).toBe('包头市昆都仑区');
  });
});

describe('one wording of answers (common/print/answer_text.ts) on the review screen', () => {
  const choices = stepOf({
    type: 'multi_choice',
    options: [
      { value: 'sign', label: text('手语翻译', 'Sign language') },
      { value: 'visit', label: text('上门服务', 'Home visit') },
    ],
  });

  it('lists several choices as each language does: 、 in Chinese, a comma in English', () => {
    const zh = createI18n('zh-CN').getFixedT('zh-CN', 'forms_ui');
    const en = createI18n('en').getFixedT('en', 'forms_ui');
    expect(reviewAnswer(choices, ['sign', 'visit'], 'zh-CN', zh)).toBe('手语翻译、上门服务');
    expect(reviewAnswer(choices, ['sign', 'visit'], 'en', en)).toBe('Sign language, Home visit');
  });

  it('says "none", "not answered" and "signed" in words', () => {
    const en = createI18n('en').getFixedT('en', 'forms_ui');
    expect(reviewAnswer(choices, [], 'en', en)).toBe('None');
    expect(reviewAnswer(choices, undefined, 'en', en)).toBe('Not answered');
    expect(reviewAnswer(stepOf({ type: 'signature' }), 'M 1 1 L 2 2', 'en', en)).toBe('Signed');
  });
});
