import { describe, expect, it } from 'vitest';
import table from '../../../assets/fees/baotou_default.json';
import zh from '../../../assets/locales/zh-CN/print.json';
import { calculateFee } from '../../../common/fees/fee_engine';
import { feeRuleTableSchema } from '../../../common/fees/fee_rule_schema';
import { feeReductionSummary, type StoredFeeReduction } from '../../../common/fees/stored_fee_reduction';
import { buildApplicationHtml } from '../../../common/print/application_html';
import { printTextsFor } from '../../../common/print/print_catalogs';
import type { StoredSubmission } from '../../../common/sync/protocol';
import { parseRow } from '../../../hub/desk/desk_view';
import { latestTemplate } from '../forms/bundled_templates';

const baotou = feeRuleTableSchema.parse(table);
const quoteResult = calculateFee(baotou, {
  matterId: 'inheritance',
  disabilityLevel: 1,
  estateValueFen: 900_000,
  legalAidEligible: false,
  standardFeeFen: 30101,
});
if (!quoteResult.ok) throw new Error('fixture');
const quote = quoteResult.value;
const legacy = { ruleId: 'over_70_first_will', reductionPercent: 100, feeToPay: 0 };

const notarization = latestTemplate('notarization_request');

function application(feeReduction: StoredFeeReduction | null): string {
  return buildApplicationHtml({
    languages: { visitor: 'zh-CN', bilingual: false },
    texts: printTextsFor({ visitor: 'zh-CN', bilingual: false }),
    template: notarization,
    answers: {},
    receiptNo: 'BT-0001-261128-001',
    createdAt: '2026-11-28T04:00:00.000Z',
    terminalId: 'bt-0001',
    priority: false,
    feeReduction,
    sourceOptions: () => [],
  });
}

describe('the fee slot of drafts and submissions', () => {
  it('summarises the quote in fen and a legacy yuan record alike', () => {
    expect(feeReductionSummary(quote)).toEqual({
      ruleId: 'severe_livelihood',
      ruleTitle: baotou.rules.find((rule) => rule.id === 'severe_livelihood')!.title,
      reductionPercent: 50,
      feeToPayFen: 15050,
    });
    expect(feeReductionSummary({ ruleId: 'x', reductionPercent: 30, feeToPay: 150.35 }).feeToPayFen).toBe(
      15035,
    );
    expect(feeReductionSummary({ ruleId: 'none', reductionPercent: 0, feeToPay: 0.3 })).toMatchObject({
      ruleId: null,
      feeToPayFen: 30,
    });
  });

  it('the printed application shows the rule title and the fen amount of a quote, and still prints a legacy record', () => {
    const fromQuote = application(quote);
    expect(fromQuote).toContain('重度残疾人办理民生基本公证事项，减免不低于50%');
    expect(fromQuote).toContain('>50%<');
    expect(fromQuote).toContain('150.50');
    const fromLegacy = application(legacy);
    expect(fromLegacy).toContain('over_70_first_will');
    expect(fromLegacy).toContain('>100%<');
    expect(application({ ...quote, feeToPayFen: null, reductionFen: null, standardFeeFen: null })).toContain(
      zh.application.fee_unknown,
    );
  });

  it('the hub desk reads either record, and an unreadable one never hides the answers', () => {
    const row = (feeReduction: unknown) =>
      parseRow({
        submission: {
          payload: JSON.stringify({ answers: { full_name: '张示例' }, feeReduction }),
        } as StoredSubmission,
        state: 'open',
        stateAt: null,
        purgedAt: null,
      });
    expect(row(quote).feeReduction).toEqual(quote);
    expect(row(legacy).feeReduction).toEqual(legacy);
    const broken = row({ ruleId: 'x', feeToPay: 'free' });
    expect(broken.feeReduction).toBeNull();
    expect(broken.answers).toEqual({ full_name: '张示例' });
  });
});
