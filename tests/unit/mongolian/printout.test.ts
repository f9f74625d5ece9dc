import { describe, expect, it } from 'vitest';
import { trustedMarkup } from '../../../common/print/html';
import { buildReceiptHtml } from '../../../common/print/receipt_html';
import { printTextsFor } from '../../../electron/core/printing/print_texts';

describe('printouts for a Mongolian session', () => {
  it('print in Chinese (no Mongolian print catalog yet), marked zh-CN, with no Cyrillic', () => {
    const { texts, language } = printTextsFor('mn-Mong-CN');
    expect(language).toBe('zh-CN');
    const doc = buildReceiptHtml({
      language,
      texts,
      receiptNo: 'BT-0001-261128-001',
      formTitle: '法律援助申请',
      nextSteps: '7 日内审查',
      createdAt: '2026-11-28T04:00:00.000Z',
      priority: true,
      officeName: '包头市公共法律服务中心',
      officePhone: '0472-5123456',
      qrSvg: trustedMarkup('<svg></svg>'),
      pageSize: 'receipt80mm',
    });
    expect(doc).toContain('<html lang="zh-CN">');
    expect(/[\u0400-\u04ff]/.test(doc)).toBe(false);
  });
});
