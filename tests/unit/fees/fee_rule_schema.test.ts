import { describe, expect, it } from 'vitest';
import table from '../../../assets/fees/baotou_default.json';
import { feeRuleTableSchema } from '../../../common/fees/fee_rule_schema';

function withRule(index: number, change: Record<string, unknown>) {
  return { ...table, rules: table.rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)) };
}

describe('fee rule table schema', () => {
  it('accepts the shipped Baotou default table, versioned', () => {
    const parsed = feeRuleTableSchema.parse(table);
    expect(parsed.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(parsed.severeLevels).toEqual([1, 2]);
  });

  const refused: [string, unknown, string][] = [
    [
      'a reduction over 100 %',
      withRule(2, { reduction: { kind: 'at_least', percent: 150 } }),
      'rules.2.reduction',
    ],
    ['an unknown reduction kind', withRule(2, { reduction: { kind: 'half' } }), 'rules.2.reduction'],
    [
      'a rule on an unknown matter',
      withRule(0, { when: { disability: 'any_level', matters: ['ghost'] } }),
      'rules.0.when.matters.0',
    ],
    ['a duplicate rule id', withRule(1, { id: table.rules[0]!.id }), 'rules.1.id'],
    ['an unknown field (typo)', withRule(0, { whn: {} }), 'rules.0'],
    ['a wrong format', { ...table, format: 'something_else' }, 'format'],
    ['a newer format version', { ...table, formatVersion: 2 }, 'formatVersion'],
    ['severe level 7', { ...table, severeLevels: [1, 7] }, 'severeLevels.1'],
    ['no rules', { ...table, rules: [] }, 'rules'],
    [
      'a negative estate limit',
      withRule(1, { when: { disability: 'any_level', estateAtMostFen: -5 } }),
      'rules.1.when.estateAtMostFen',
    ],
    ['missing English title', withRule(0, { title: { 'zh-CN': '标题' } }), 'rules.0.title.en'],
  ];

  it.each(refused)('refuses %s, naming the field', (_name, input, path) => {
    const result = feeRuleTableSchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
  });
});
