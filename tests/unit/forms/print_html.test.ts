import { describe, expect, it } from 'vitest';
import { buildApplicationHtml } from '../../../common/print/application_html';
import { escapeHtml, trustedMarkup } from '../../../common/print/html';
import { printTextsFor } from '../../../common/print/print_catalogs';
import { printText } from '../../../common/print/print_runs';
import { buildReceiptHtml } from '../../../common/print/receipt_html';
import { latestTemplate } from './bundled_templates';

const ZH = { visitor: 'zh-CN', bilingual: false } as const;
const EN = { visitor: 'en', bilingual: false } as const;
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('print HTML', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('prints answers as text, never as markup, and marks priority', () => {
    const doc = buildApplicationHtml({
      languages: ZH,
      texts: printTextsFor(ZH),
      template: latestTemplate('legal_aid_application'),
      answers: {
        full_name: HOSTILE,
        matter_description: 'line 1\nline 2',
        aid_type: 'consultation',
        has_disability_cert: true,
      },
      receiptNo: 'BT-0001-261128-001',
      createdAt: '2026-11-28T04:00:00.000Z',
      terminalId: 'bt-0001',
      priority: true,
      feeReduction: null,
      sourceOptions: () => [],
    });
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(doc).toContain('法律咨询');
    expect(doc).toContain('>优先<');
    expect(doc).toContain('2026-11-28 12:00');
    expect(doc).toContain('（无需填写）');
  });

  it('legal aid 1.3.0 filed by a guardian: the agent/guardian section and the papers of that branch', () => {
    const input = {
      languages: ZH,
      texts: printTextsFor(ZH),
      template: latestTemplate('legal_aid_application'),
      answers: {
        filer_role: 'guardian',
        filer_name: '王芳',
        filer_relation: 'parent',
        filer_phone: '13712345678',
        guardian_proof: 'court_designation',
        full_name: '张示例',
        art32_group: 'none',
        art42_group: ['minimum_allowance'],
      },
      receiptNo: 'BT-0001-261128-002',
      createdAt: '2026-11-28T04:00:00.000Z',
      terminalId: 'bt-0001',
      priority: false,
      feeReduction: null,
      sourceOptions: () => [],
    };
    const doc = buildApplicationHtml(input);
    for (const text of [
      '代为申请人（代理人或者监护人）',
      '监护人（法定代理人）代为申请',
      '王芳',
      '人民法院指定监护的文书',
      '需要提交的材料',
      '监护关系证明：人民法院指定监护的文书',
      '监护人的居民身份证',
      '最低生活保障证（低保证）或者民政部门的证明',
    ])
      expect(doc).toContain(text);
    expect(doc).not.toContain('授权委托书');
    // applying for oneself: the section says "not required", and no agent papers are asked for
    const self = buildApplicationHtml({ ...input, answers: { filer_role: 'self', full_name: '张示例' } });
    expect(self).toContain('本人申请');
    expect(self).not.toContain('监护人的居民身份证');
    expect(self).not.toContain('低保证');
  });

  it('puts the receipt number, the office phone and the QR code on the receipt', () => {
    const doc = buildReceiptHtml({
      languages: EN,
      texts: printTextsFor(EN),
      receiptNo: 'BT-0001-261128-001',
      formTitle: printText({ 'zh-CN': '法律援助申请', en: 'Legal aid application' }, EN),
      nextSteps: printText({ 'zh-CN': '7 日内审查', en: 'We review it within 7 days.' }, EN),
      createdAt: '2026-11-28T04:00:00.000Z',
      priority: false,
      officeName: `Centre ${HOSTILE}`,
      officePhone: '0472-5123456',
      qrSvg: trustedMarkup('<svg id="qr"></svg>'),
      pageSize: 'receipt80mm',
    });
    expect(doc).toContain('BT-0001-261128-001');
    expect(doc).toContain('0472-5123456');
    expect(doc).toContain('<svg id="qr"></svg>');
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('size: 80mm 200mm');
    expect(doc).not.toContain('priority intake');
  });
});
