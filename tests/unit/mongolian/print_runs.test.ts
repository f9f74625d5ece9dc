import { describe, expect, it } from 'vitest';
import { answerRun, printText, resolvePrintTexts } from '../../../common/print/print_runs';

const HEADING = { 'zh-CN': '受理回执', en: 'Receipt', 'mn-Mong-CN': 'ᠲᠠᠰᠤᠯᠪᠤᠷᠢ' };

describe('printed text runs', () => {
  it('a Chinese printout is plain Chinese', () => {
    const text = printText(HEADING, { visitor: 'zh-CN', bilingual: false });
    expect(text.html).toBe('受理回执');
    expect(text.plain).toBe('受理回执');
  });

  it('a Mongolian printout marks the run Mongolian and vertical', () => {
    const text = printText(HEADING, { visitor: 'mn-Mong-CN', bilingual: false });
    expect(text.html).toBe('<span lang="mn-Mong-CN" class="mn">ᠲᠠᠰᠤᠯᠪᠤᠷᠢ</span>');
  });

  it('a missing Mongolian string falls back to Chinese marked zh-CN', () => {
    const text = printText({ 'zh-CN': '回执编号' }, { visitor: 'mn-Mong-CN', bilingual: false });
    expect(text.html).toBe('<span lang="zh-CN">回执编号</span>');
    expect(text.plain).toBe('回执编号');
  });

  it('bilingual terminals print Mongolian first, then Chinese, in both sessions', () => {
    for (const visitor of ['zh-CN', 'mn-Mong-CN'] as const) {
      const html = printText(HEADING, { visitor, bilingual: true }).html;
      expect(html.indexOf('lang="mn-Mong-CN"')).toBeGreaterThan(-1);
      expect(html.indexOf('ᠲᠠᠰᠤᠯᠪᠤᠷᠢ')).toBeLessThan(html.indexOf('受理回执'));
      expect(html.startsWith('<span class="bi">')).toBe(true);
    }
  });

  it('bilingual never applies to English, nor to a string without Mongolian', () => {
    expect(printText(HEADING, { visitor: 'en', bilingual: true }).html).toBe('Receipt');
    expect(printText({ 'zh-CN': '日期' }, { visitor: 'zh-CN', bilingual: true }).html).toBe('日期');
  });

  it('escapes every run', () => {
    const text = printText({ 'zh-CN': '<b>"x"</b>' }, { visitor: 'en', bilingual: false });
    expect(text.html).toBe('<span lang="zh-CN">&#60;b&#62;&#34;x&#34;&#60;/b&#62;</span>');
  });

  it('typed answers in Mongolian script are set vertically; others stay as typed', () => {
    const languages = { visitor: 'mn-Mong-CN', bilingual: false } as const;
    expect(answerRun('ᠪᠠᠲᠤ', languages).html).toBe('<span lang="mn-Mong-CN" class="mn">ᠪᠠᠲᠤ</span>');
    expect(answerRun('0472-1234567', languages).html).toBe('<span lang="zh-CN">0472-1234567</span>');
    expect(answerRun('包头', { visitor: 'zh-CN', bilingual: false }).html).toBe('包头');
  });

  it('resolves a nested catalog key by key, missing keys falling back to Chinese', () => {
    const tree = resolvePrintTexts(
      {
        'zh-CN': { receipt: { heading: '受理回执', phone: '联系电话' } },
        'mn-Mong-CN': { receipt: { heading: 'ᠲᠠᠰᠤᠯᠪᠤᠷᠢ' } },
      },
      { visitor: 'mn-Mong-CN', bilingual: false },
    );
    expect(tree.receipt.heading.plain).toBe('ᠲᠠᠰᠤᠯᠪᠤᠷᠢ');
    expect(tree.receipt.phone.html).toBe('<span lang="zh-CN">联系电话</span>');
  });
});
