import { describe, expect, it } from 'vitest';
import content from '../../../assets/content/baotou_content.json';
import table from '../../../assets/fees/baotou_default.json';
import en from '../../../assets/locales/en/print.json';
import zh from '../../../assets/locales/zh-CN/print.json';
import { contentLibrarySchema } from '../../../common/content/content_schema';
import { calculateFee, type FeeSituation } from '../../../common/fees/fee_engine';
import { type FeeRuleTable, feeRuleTableSchema } from '../../../common/fees/fee_rule_schema';
import type { Language } from '../../../common/languages';
import { buildChecklistHtml } from '../../../common/print/checklist_html';
import type { DocumentFrameInput } from '../../../common/print/document_frame';
import { buildFeeResultHtml } from '../../../common/print/fee_result_html';
import { printTextsFor } from '../../../common/print/print_catalogs';

const baotou = feeRuleTableSchema.parse(table);
const guide = contentLibrarySchema.parse(content).guide;

function frame(language: Language): DocumentFrameInput {
  const languages = { visitor: language, bilingual: false };
  return {
    languages,
    texts: printTextsFor(languages),
    officeName: '包头市公共法律服务中心（样例）',
    officePhone: '0472-12348',
    printedAt: '2026-11-28T04:00:00.000Z',
    pageSize: 'receipt80mm',
  };
}

function feeDoc(situation: FeeSituation, language: Language = 'zh-CN', rules: FeeRuleTable = baotou): string {
  const quote = calculateFee(rules, situation);
  if (!quote.ok) throw new Error(JSON.stringify(quote.error));
  const matter = rules.matters.find((m) => m.id === situation.matterId)!;
  return buildFeeResultHtml({
    ...frame(language),
    quote: quote.value,
    matterName: matter.name,
    tableRegion: rules.region,
  });
}

/** The text of an element with a test id (the documents have no nested markup inside these). */
function testId(doc: string, id: string): string {
  const match = new RegExp(`data-testid="${id}">(.*?)</p>`).exec(doc);
  return match?.[1] ?? '';
}

describe('printed fee result', () => {
  it('a 72-year-old with a certificate, first will: free, with the rule, its source and wording', () => {
    const doc = feeDoc({ matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true });
    expect(testId(doc, 'fee-headline')).toBe('免收公证费');
    expect(testId(doc, 'fee-rule')).toBe('70周岁以上残疾人首次办理遗嘱公证，免收公证费');
    const rule = baotou.rules.find((r) => r.id === 'over_70_first_will')!;
    expect(doc).toContain(rule.sourceRef['zh-CN']);
    expect(doc).toContain(rule.sourceText);
    expect(doc).toContain(`版本 ${baotou.version}`);
    expect(doc).toContain('0472-12348');
    expect(doc).toContain('2026-11-28 12:00');
    expect(doc).toMatch(/@page \{ size: 80mm 200mm/);
  });

  it('an "at least 50 %" rule: pays at most half of 301.01 yuan (rounded in the visitor\'s favour) and says the office may give more', () => {
    const doc = feeDoc({
      matterId: 'inheritance',
      disabilityLevel: 1,
      estateValueFen: 1_000_000,
      legalAidEligible: false,
      standardFeeFen: 30101,
    });
    expect(testId(doc, 'fee-headline')).toBe('最多缴纳<br>150.50 元');
    expect(doc).toContain('<dd>301.01 元</dd>');
    expect(doc).toContain('50% (150.51 元)');
    expect(doc).toContain(zh.fee_result.at_least);
  });

  it('no rule applies: the standard fee and the "no rule" sentence, no rule heading', () => {
    const doc = feeDoc({
      matterId: 'declaration',
      disabilityLevel: null,
      legalAidEligible: false,
      standardFeeFen: 20000,
    });
    expect(testId(doc, 'fee-headline')).toBe('需缴费用<br>200 元');
    expect(doc).toContain(zh.fee_result.no_rule);
    expect(doc).not.toContain(`<h2>${zh.fee_result.rule}</h2>`);
  });

  it('unknown standard fee: the percentage, and the amount left to the office', () => {
    const doc = feeDoc({
      matterId: 'kinship',
      disabilityLevel: 2,
      legalAidEligible: false,
      standardFeeFen: null,
    });
    expect(testId(doc, 'fee-headline')).toBe(zh.fee_result.unknown_amount);
    expect(doc).toContain('<dd>50%</dd>');
  });

  it('English: English texts and data; the Chinese original of the rule is marked lang="zh-CN"', () => {
    const doc = feeDoc({ matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true }, 'en');
    expect(doc).toContain('<html lang="en">');
    expect(testId(doc, 'fee-headline')).toBe('No notary fee to pay');
    expect(doc).toContain(baotou.rules[0]!.title.en);
    expect(doc).toMatch(/<p class="source-text" lang="zh-CN">/);
  });

  it('published data in another language falls back to Chinese, marked as Chinese', () => {
    const doc = feeDoc(
      { matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true },
      'mn-Mong-CN',
    );
    expect(doc).toContain(`<span lang="zh-CN">${baotou.rules[0]!.title['zh-CN']}</span>`);
  });

  it('hostile text in a published table is printed as text, never as markup', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const rules = feeRuleTableSchema.parse({
      ...baotou,
      rules: baotou.rules.map((rule) => ({
        ...rule,
        title: { 'zh-CN': hostile, en: hostile },
        sourceText: hostile,
      })),
    });
    const doc = feeDoc(
      { matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true },
      'zh-CN',
      rules,
    );
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<img');
    expect(doc).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
  });
});

describe('printed legal-aid checklist', () => {
  it('lists every item of the published guide with a box to tick, its note, and the sources', () => {
    const doc = buildChecklistHtml({ ...frame('zh-CN'), guide });
    expect(doc).toContain(`<h1>${zh.checklist.heading}</h1>`);
    for (const item of guide.checklist) {
      expect(doc).toContain(item.text['zh-CN']);
      if (item.note) expect(doc).toContain(item.note['zh-CN']);
    }
    expect(doc.match(/class="box"/g)).toHaveLength(guide.checklist.length);
    for (const source of guide.sources) expect(doc).toContain(source['zh-CN']);
    expect(doc).toContain(zh.document.no_personal_data);
  });

  it('prints in English when the visitor reads English', () => {
    const doc = buildChecklistHtml({ ...frame('en'), guide });
    expect(doc).toContain(`<h1>${en.checklist.heading}</h1>`);
    expect(doc).toContain(guide.checklist[0]!.text.en);
    expect(doc).not.toContain(guide.checklist[0]!.text['zh-CN']);
  });
});
