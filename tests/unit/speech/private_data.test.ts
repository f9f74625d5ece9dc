import { describe, expect, it } from 'vitest';
import { spellDigits } from '../../../common/speech/spell_digits';
import { fieldValueUtterances } from '../../../renderer/speech/private_data';

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

  it('never speaks a masked field, even when asked', () => {
    expect(fieldValueUtterances({ value: '123456', masked: true }, 'zh-CN', true)).toEqual([]);
    expect(fieldValueUtterances({ value: '123456', masked: true, personal: true }, 'zh-CN', true)).toEqual(
      [],
    );
  });

  it('speaks personal data only when the visitor asked, and then digit by digit', () => {
    const phone = { value: '13800138000', personal: true };
    expect(fieldValueUtterances(phone, 'zh-CN', false)).toEqual([]);
    expect(fieldValueUtterances(phone, 'zh-CN', true)).toEqual([
      { text: '一三八零，零一三八，零零零', language: 'zh-CN', kind: 'dynamic' },
    ]);
  });

  it('speaks ordinary typed text as dynamic text in the current language', () => {
    expect(fieldValueUtterances({ value: '工资被拖欠' }, 'zh-CN', false)).toEqual([
      { text: '工资被拖欠', language: 'zh-CN', kind: 'dynamic' },
    ]);
    expect(fieldValueUtterances({ value: '' }, 'zh-CN', true)).toEqual([]);
  });
});
