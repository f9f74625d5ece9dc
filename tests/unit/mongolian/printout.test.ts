import { describe, expect, it } from 'vitest';
import mnPrint from '../../../assets/locales/mn-Mong-CN/print.json';
import { buildApplicationHtml } from '../../../common/print/application_html';
import { trustedMarkup } from '../../../common/print/html';
import { printTextsFor } from '../../../common/print/print_catalogs';
import { type PrintLanguages, printText } from '../../../common/print/print_runs';
import { buildReceiptHtml } from '../../../common/print/receipt_html';
import { buildRetrievalCodeHtml } from '../../../common/print/retrieval_code_html';
import { latestTemplate } from '../forms/bundled_templates';

const MONGOLIAN: PrintLanguages = { visitor: 'mn-Mong-CN', bilingual: false };
const CYRILLIC = /[\u0400-\u04ff]/;
const TITLE = { 'zh-CN': '法律援助申请', en: 'Legal aid application' };

function receipt(languages: PrintLanguages): string {
  return buildReceiptHtml({
    languages,
    texts: printTextsFor(languages),
    receiptNo: 'BT-0001-261128-001',
    formTitle: printText(TITLE, languages),
    nextSteps: printText({ 'zh-CN': '7 日内审查', en: 'Reviewed within 7 days' }, languages),
    createdAt: '2026-11-28T04:00:00.000Z',
    priority: true,
    officeName: '包头市公共法律服务中心',
    officePhone: '0472-5123456',
    qrSvg: trustedMarkup('<svg></svg>'),
    pageSize: 'receipt80mm',
  });
}

describe('printouts of a Mongolian session', () => {
  it('the receipt is a Mongolian document: written strings vertical, the rest Chinese and marked so', () => {
    const doc = receipt(MONGOLIAN);
    expect(doc).toContain('<html lang="mn-Mong-CN">');
    expect(doc).toContain(`<h1><span lang="mn-Mong-CN" class="mn">${mnPrint.receipt.heading}</span></h1>`);
    // The form title has no Mongolian yet: printed in Chinese, marked as Chinese.
    expect(doc).toContain('<span lang="zh-CN">法律援助申请</span>');
    expect(CYRILLIC.test(doc)).toBe(false);
  });

  it('the print page sets Mongolian runs vertically with the Mongolian font first', () => {
    const doc = receipt(MONGOLIAN);
    expect(doc).toMatch(/\.mn \{[^}]*writing-mode: vertical-lr/);
    expect(doc).toMatch(/\.mn \{[^}]*font-family: 'KioskMongolian'/);
  });

  it('the retrieval slip is Mongolian, heading and hint', () => {
    const doc = buildRetrievalCodeHtml({
      languages: MONGOLIAN,
      texts: printTextsFor(MONGOLIAN),
      code: '1234 5678',
      formTitle: printText(TITLE, MONGOLIAN),
      pageSize: 'receipt80mm',
    });
    expect(doc).toContain(`<span lang="mn-Mong-CN" class="mn">${mnPrint.retrieval.heading}</span>`);
    expect(doc).toContain(`<p><span lang="mn-Mong-CN" class="mn">${mnPrint.retrieval.hint}</span>`);
  });

  it("strings without a Mongolian draft fall back to Chinese, marked zh-CN (the fee result's office confirmation)", () => {
    const texts = printTextsFor(MONGOLIAN);
    expect('confirm' in mnPrint.fee_result).toBe(false);
    expect(String(texts.fee_result.confirm)).toMatch(/^<span lang="zh-CN">本结果由自助终端/);
  });

  it('a name typed in Mongolian is printed vertically on the application', () => {
    const doc = buildApplicationHtml({
      languages: MONGOLIAN,
      texts: printTextsFor(MONGOLIAN),
      template: latestTemplate('legal_aid_application'),
      answers: { full_name: 'ᠪᠠᠲᠤ', aid_type: 'consultation' },
      receiptNo: 'BT-0001-261128-001',
      createdAt: '2026-11-28T04:00:00.000Z',
      terminalId: 'bt-0001',
      priority: false,
      feeReduction: null,
      sourceOptions: () => [],
    });
    expect(doc).toContain('<span class="value"><span lang="mn-Mong-CN" class="mn">ᠪᠠᠲᠤ</span></span>');
    // the template's own texts (drafted in Mongolian) are printed in Mongolian too
    const template = latestTemplate('legal_aid_application');
    expect(doc).toContain(`<span lang="mn-Mong-CN" class="mn">${template.print.title['mn-Mong-CN']}</span>`);
    expect(doc).not.toContain('<span lang="zh-CN">法律援助申请表</span>');
    expect(doc).toContain(
      `<span class="value"><span lang="mn-Mong-CN" class="mn">${mnPrint.application.not_answered}</span></span>`,
    );
    expect(CYRILLIC.test(doc)).toBe(false);
  });
});

describe('bilingual printouts', () => {
  it('Chinese and Mongolian sessions print Mongolian first, Chinese beside it', () => {
    for (const visitor of ['zh-CN', 'mn-Mong-CN'] as const) {
      const doc = receipt({ visitor, bilingual: true });
      const heading = /<h1>(.*?)<\/h1>/.exec(doc)?.[1] ?? '';
      expect(heading.indexOf(mnPrint.receipt.heading)).toBeGreaterThan(-1);
      expect(heading.indexOf(mnPrint.receipt.heading)).toBeLessThan(heading.indexOf('受理回执'));
    }
  });

  it('English printouts stay English on a bilingual terminal', () => {
    const doc = receipt({ visitor: 'en', bilingual: true });
    expect(doc).toContain('<h1>Receipt</h1>');
    expect(doc).not.toMatch(/[\u1800-\u18af]/);
  });
});
