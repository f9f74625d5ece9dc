import { describe, expect, it } from 'vitest';
import type { Language } from '../../../common/languages';
import { printTextsFor, statusTextsFor } from '../../../common/print/print_catalogs';
import { buildStatusSlipHtml } from '../../../common/print/status_slip_html';
import type { ReviewStatus } from '../../../common/status/review_states';

const REFUSED: ReviewStatus = {
  receiptNo: 'BT-0012-261128-007',
  flow: 'legal_aid',
  state: 'refused',
  since: '2026-11-30T02:15:00.000Z',
  note: '请带<b>收入证明</b> & 再来',
  details: { reason: '经济状况不符合援助条件' },
};

function slip(status: ReviewStatus, visitor: Language, bilingual = false): string {
  const languages = { visitor, bilingual };
  return buildStatusSlipHtml({
    languages,
    texts: printTextsFor(languages),
    statusTexts: statusTextsFor(languages),
    officeName: '包头市公共法律服务中心（样例）',
    officePhone: '0472-12348',
    printedAt: '2026-12-01T03:00:00.000Z',
    pageSize: 'receipt80mm',
    status,
  });
}

/** The document's text, tags removed and entities of `<`, `>`, `&` read back. */
function text(doc: string): string {
  return doc
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe('printed progress slip', () => {
  it('a refusal: the state large, the reason, the note, how to object, when it was set and when asked', () => {
    const doc = slip(REFUSED, 'zh-CN');
    expect(/data-testid="status-state">不予法律援助</.test(doc)).toBe(true);
    const words = text(doc);
    for (const line of [
      '申请进度',
      '回执号 BT-0012-261128-007 的进度：',
      '您可以对这个决定提出异议，办法如下。',
      '不予援助的理由：经济状况不符合援助条件',
      '工作人员留言：请带<b>收入证明</b> & 再来',
      '《法律援助法》第四十九条',
      '状态更新于 2026-11-30 10:15',
      '打印时间',
      '2026-12-01 11:00',
      '在全市任一自助终端首页选“查询进度”',
    ])
      expect(words).toContain(line);
    // the staff's note is text on paper, never markup
    expect(doc).not.toContain('<b>收入证明</b>');
  });

  it('approved, in English: the firm and its phone; no objection text', () => {
    const words = text(
      slip(
        {
          ...REFUSED,
          state: 'approved',
          note: '',
          details: { firmName: '内蒙古示例律师事务所', firmPhone: '0472-5100000' },
        },
        'en',
      ),
    );
    expect(words).toContain('Approved, lawyer assigned');
    expect(words).toContain('Law firm assigned: 内蒙古示例律师事务所, phone 0472-5100000');
    expect(words).not.toContain('Article 49');
    expect(words).not.toContain('{{');
  });

  it('a bilingual terminal: the state in Mongolian (set vertically) beside the Chinese; values filled', () => {
    const doc = slip(REFUSED, 'mn-Mong-CN', true);
    const state = /data-testid="status-state">(.*?)<\/p>/.exec(doc)![1]!;
    expect(state).toContain('<span lang="mn-Mong-CN" class="mn">ᠳᠡᠮᠵᠢᠯᠭᠡ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠦᠭᠡᠢ</span>');
    expect(state).toContain('不予法律援助');
    expect(doc).not.toContain('{{');
    expect(text(doc)).toContain('回执号 BT-0012-261128-007 的进度：');
  });
});
