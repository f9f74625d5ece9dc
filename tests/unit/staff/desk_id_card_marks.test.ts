import { describe, expect, it } from 'vitest';
import type { StoredSubmission } from '../../../common/sync/protocol';
import { applicationHtml } from '../../../hub/desk/desk_print';
import { parseRow } from '../../../hub/desk/desk_view';
import { LEGAL_AID_ANSWERS } from '../../integration/forms/support';
import { latestTemplate } from '../forms/bundled_templates';

const ANSWERS = Object.fromEntries(LEGAL_AID_ANSWERS);
const MARK = '（身份证读取）';

function entry(extra: Record<string, unknown>) {
  const template = latestTemplate('legal_aid_application');
  const submission: StoredSubmission = {
    seq: 1,
    uuid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    terminalId: 'kiosk-1',
    centre: 'baotou-city-centre',
    templateId: template.id,
    templateVersion: template.version,
    payload: JSON.stringify({ answers: ANSWERS, feeReduction: null, ...extra }),
    sha256: 'a'.repeat(64),
    receiptNo: 'BT-20261206-0001',
    createdAt: '2026-12-06T02:00:00.000Z',
    receivedAt: '2026-12-06T02:00:01.000Z',
    priority: 0,
    assisted: false,
  };
  return { template, row: parseRow({ submission, state: 'open', stateAt: null, purgedAt: null }) };
}

const marks = (html: string) => html.split(MARK).length - 1;

describe("the hub desk's printed application: answers read from the ID card", () => {
  it('marks exactly the steps the kiosk filled from the card', () => {
    const { template, row } = entry({ fromIdCard: ['full_name', 'resident_id', 'address'] });
    const html = applicationHtml(template, row, 'zh-CN');
    expect(marks(html)).toBe(3);
    expect(html).toContain(String(ANSWERS.full_name));
    expect(marks(applicationHtml(template, entry({}).row, 'zh-CN'))).toBe(0);
  });

  it('a hostile or malformed mark list is dropped, and every answer is still printed', () => {
    const hostile = [
      'full_name',
      ['$(reboot)', 'x'.repeat(1_000_000)],
      [1, 2, 3],
      Array.from({ length: 5000 }, () => 'full_name'),
      { full_name: true },
    ];
    for (const fromIdCard of hostile) {
      const { template, row } = entry({ fromIdCard });
      expect(row.fromIdCard).toEqual([]);
      const html = applicationHtml(template, row, 'zh-CN');
      expect(marks(html)).toBe(0);
      expect(html).toContain(String(ANSWERS.full_name));
      expect(html).toContain(String(ANSWERS.matter_description));
    }
  });
});
