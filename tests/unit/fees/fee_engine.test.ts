import { describe, expect, it } from 'vitest';
import table from '../../../assets/fees/baotou_default.json';
import { calculateFee, type FeeSituation, nextFeeQuestion } from '../../../common/fees/fee_engine';
import { type FeeRuleTable, feeRuleTableSchema } from '../../../common/fees/fee_rule_schema';
import { parseYuan } from '../../../common/fees/money';

const baotou: FeeRuleTable = feeRuleTableSchema.parse(table);

function yuan(text: string): number {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new Error(`bad yuan ${text}`);
  return parsed.value;
}

function quote(situation: FeeSituation) {
  const result = calculateFee(baotou, situation);
  if (!result.ok) throw new Error(`unexpected error ${JSON.stringify(result.error)}`);
  return result.value;
}

const FEE = yuan('300');

describe('Baotou fee rules: each rule, its boundaries and overlaps', () => {
  // [case, situation, applied rule or null, fee to pay in fen]
  const cases: [string, FeeSituation, string | null, number | null][] = [
    [
      'disabled, 71, first will → free',
      { matterId: 'will', disabilityLevel: 4, age: 71, firstApplication: true, standardFeeFen: FEE },
      'over_70_first_will',
      0,
    ],
    [
      'disabled, exactly 70, first will → not "older than 70"',
      {
        matterId: 'will',
        disabilityLevel: 4,
        age: 70,
        firstApplication: true,
        legalAidEligible: false,
        standardFeeFen: FEE,
      },
      null,
      FEE,
    ],
    [
      'disabled, 80, second will → no will rule',
      {
        matterId: 'will',
        disabilityLevel: 3,
        age: 80,
        firstApplication: false,
        legalAidEligible: false,
        standardFeeFen: FEE,
      },
      null,
      FEE,
    ],
    [
      'no certificate, 80, first will → no disability rule',
      { matterId: 'will', disabilityLevel: null, legalAidEligible: false, standardFeeFen: FEE },
      null,
      FEE,
    ],
    [
      'inheritance of exactly 5,000 yuan → free',
      { matterId: 'inheritance', disabilityLevel: 4, estateValueFen: yuan('5000'), standardFeeFen: FEE },
      'small_inheritance',
      0,
    ],
    [
      'inheritance of 5,000.01 yuan, level 3 → nothing',
      {
        matterId: 'inheritance',
        disabilityLevel: 3,
        estateValueFen: yuan('5000.01'),
        legalAidEligible: false,
        standardFeeFen: FEE,
      },
      null,
      FEE,
    ],
    [
      'inheritance of 5,000.01 yuan, level 2 → severe livelihood 50 %',
      {
        matterId: 'inheritance',
        disabilityLevel: 2,
        estateValueFen: yuan('5000.01'),
        legalAidEligible: false,
        standardFeeFen: FEE,
      },
      'severe_livelihood',
      yuan('150'),
    ],
    [
      'level 2 on the livelihood list → 50 %',
      { matterId: 'entrustment', disabilityLevel: 2, legalAidEligible: false, standardFeeFen: FEE },
      'severe_livelihood',
      yuan('150'),
    ],
    [
      'level 3 on the livelihood list → not severe, nothing',
      { matterId: 'entrustment', disabilityLevel: 3, legalAidEligible: false, standardFeeFen: FEE },
      null,
      FEE,
    ],
    [
      'level 1, matter not on the list → nothing',
      { matterId: 'other', disabilityLevel: 1, legalAidEligible: false, standardFeeFen: FEE },
      null,
      FEE,
    ],
    [
      'level 4, not legal-aid eligible, pension → 40 %',
      { matterId: 'pension_relief', disabilityLevel: 4, legalAidEligible: false, standardFeeFen: FEE },
      'pension_support_not_aid_eligible',
      yuan('180'),
    ],
    [
      'level 4, legal-aid eligible, support agreement → art. 34 instead of 40 %',
      { matterId: 'support_agreement', disabilityLevel: 4, legalAidEligible: true, standardFeeFen: FEE },
      'legal_aid_art34',
      FEE,
    ],
    [
      'overlap: level 1, not eligible, pension → 50 % beats 40 %',
      { matterId: 'pension_relief', disabilityLevel: 1, legalAidEligible: false, standardFeeFen: FEE },
      'severe_livelihood',
      yuan('150'),
    ],
    [
      'overlap: level 1, 75, first will, eligible → free beats 50 % and art. 34',
      {
        matterId: 'will',
        disabilityLevel: 1,
        age: 75,
        firstApplication: true,
        legalAidEligible: true,
        standardFeeFen: FEE,
      },
      'over_70_first_will',
      0,
    ],
    [
      'overlap: level 2, small inheritance → free beats 50 %',
      { matterId: 'inheritance', disabilityLevel: 2, estateValueFen: yuan('100'), standardFeeFen: FEE },
      'small_inheritance',
      0,
    ],
    [
      'no certificate, eligible for legal aid → art. 34, office decides',
      { matterId: 'other', disabilityLevel: null, legalAidEligible: true, standardFeeFen: FEE },
      'legal_aid_art34',
      FEE,
    ],
    [
      'odd fen: 50 % of 0.03 yuan rounds the reduction up for the visitor',
      { matterId: 'kinship', disabilityLevel: 1, legalAidEligible: false, standardFeeFen: 3 },
      'severe_livelihood',
      1,
    ],
    [
      'unknown standard fee: 50 % still stated, amount unknown',
      { matterId: 'kinship', disabilityLevel: 1, legalAidEligible: false, standardFeeFen: null },
      'severe_livelihood',
      null,
    ],
    [
      'unknown standard fee but free → pays 0',
      { matterId: 'inheritance', disabilityLevel: 3, estateValueFen: 0, standardFeeFen: null },
      'small_inheritance',
      0,
    ],
  ];

  it.each(cases)('%s', (_name, situation, ruleId, feeToPayFen) => {
    const result = quote(situation);
    expect(result.applied?.ruleId ?? null).toBe(ruleId);
    expect(result.feeToPayFen).toBe(feeToPayFen);
    if (result.standardFeeFen !== null && result.feeToPayFen !== null)
      expect(result.feeToPayFen + (result.reductionFen ?? 0)).toBe(result.standardFeeFen);
  });

  it('shows the source wording of the applied rule and lists the others that also matched', () => {
    const result = quote({
      matterId: 'will',
      disabilityLevel: 1,
      age: 75,
      firstApplication: true,
      legalAidEligible: true,
      standardFeeFen: FEE,
    });
    expect(result.applied?.sourceText).toContain('首次申请办理遗嘱公证');
    expect(result.applied?.sourceRef['zh-CN']).toContain('第四条');
    expect(result.alsoMatched.sort()).toEqual(['legal_aid_art34', 'severe_livelihood']);
    expect(result.mayBeLower).toBe(false);
    expect(result.tableVersion).toBe(baotou.version);
  });

  it('"at least" rules promise the configured minimum and say the office may give more', () => {
    const result = quote({
      matterId: 'kinship',
      disabilityLevel: 2,
      legalAidEligible: false,
      standardFeeFen: FEE,
    });
    expect(result.reductionPercent).toBe(50);
    expect(result.mayBeLower).toBe(true);
    const raised = feeRuleTableSchema.parse({
      ...baotou,
      rules: baotou.rules.map((rule) =>
        rule.id === 'severe_livelihood' ? { ...rule, reduction: { kind: 'at_least', percent: 60 } } : rule,
      ),
    });
    const again = calculateFee(raised, {
      matterId: 'kinship',
      disabilityLevel: 2,
      legalAidEligible: false,
      standardFeeFen: FEE,
    });
    expect(again.ok && again.value.feeToPayFen).toBe(yuan('120'));
  });

  it('the definition of "severe" is configurable: level 3 counts when the table says so', () => {
    const wider = feeRuleTableSchema.parse({ ...baotou, severeLevels: [1, 2, 3] });
    const result = calculateFee(wider, {
      matterId: 'kinship',
      disabilityLevel: 3,
      legalAidEligible: false,
      standardFeeFen: FEE,
    });
    expect(result.ok && result.value.applied?.ruleId).toBe('severe_livelihood');
  });

  it('parses 5,000.01 yuan as exactly 500001 fen (no floating-point money)', () => {
    expect(yuan('5000.01')).toBe(500001);
    expect(yuan('0.1')).toBe(10);
    expect(yuan('19.99')).toBe(1999);
    for (const bad of ['-1', '1.234', 'abc', '', '1e5', ' 5 000', 'NaN', '١٢'])
      expect(parseYuan(bad).ok).toBe(false);
  });
});

describe('bad input is a typed error, never a quote', () => {
  const base: FeeSituation = {
    matterId: 'kinship',
    disabilityLevel: 2,
    legalAidEligible: false,
    standardFeeFen: FEE,
  };
  const cases: [string, unknown, string, string][] = [
    ['negative fee', { ...base, standardFeeFen: -100 }, 'standardFeeFen', 'negative'],
    ['NaN fee', { ...base, standardFeeFen: Number.NaN }, 'standardFeeFen', 'not_a_number'],
    ['fee in fractional fen', { ...base, standardFeeFen: 10.5 }, 'standardFeeFen', 'not_integer'],
    ['fee as a string', { ...base, standardFeeFen: '300' }, 'standardFeeFen', 'wrong_type'],
    ['huge fee', { ...base, standardFeeFen: 1e15 }, 'standardFeeFen', 'out_of_range'],
    [
      'missing fee',
      { matterId: 'kinship', disabilityLevel: 2, legalAidEligible: false },
      'standardFeeFen',
      'missing',
    ],
    ['missing matter', { standardFeeFen: FEE }, 'matterId', 'missing'],
    ['unknown matter', { ...base, matterId: '__proto__' }, 'matterId', 'unknown_matter'],
    ['matter with shell text', { ...base, matterId: '$(rm -rf /)' }, 'matterId', 'unknown_matter'],
    ['level 0', { ...base, disabilityLevel: 0 }, 'disabilityLevel', 'out_of_range'],
    ['level 5', { ...base, disabilityLevel: 5 }, 'disabilityLevel', 'out_of_range'],
    ['age NaN', { ...base, age: Number.NaN }, 'age', 'not_a_number'],
    ['age negative', { ...base, age: -1 }, 'age', 'negative'],
    ['eligibility as text', { ...base, legalAidEligible: 'yes' }, 'legalAidEligible', 'wrong_type'],
    [
      'will without the age a rule needs',
      { matterId: 'will', disabilityLevel: 4, firstApplication: true, standardFeeFen: FEE },
      'age',
      'missing',
    ],
    [
      'inheritance without the estate value',
      { matterId: 'inheritance', disabilityLevel: 4, legalAidEligible: false, standardFeeFen: FEE },
      'estateValueFen',
      'missing',
    ],
    [
      'missing disability level',
      { matterId: 'kinship', legalAidEligible: false, standardFeeFen: FEE },
      'disabilityLevel',
      'missing',
    ],
  ];

  it.each(cases)('%s', (_name, input, field, problem) => {
    expect(calculateFee(baotou, input)).toEqual({
      ok: false,
      error: { kind: 'invalid_input', field, problem },
    });
  });

  it.each([null, 42, 'will', [], undefined])('situation %s is not an object', (input) => {
    expect(calculateFee(baotou, input)).toEqual({
      ok: false,
      error: { kind: 'invalid_input', field: 'situation', problem: 'wrong_type' },
    });
  });
});

describe('the guided screens ask only the questions that can change the result', () => {
  function questions(answers: Partial<FeeSituation>, fill: Partial<FeeSituation>): string[] {
    const asked: string[] = [];
    const current: Partial<FeeSituation> = { ...answers };
    const field = {
      matter: 'matterId',
      disability_level: 'disabilityLevel',
      age: 'age',
      first_application: 'firstApplication',
      estate_value: 'estateValueFen',
      legal_aid: 'legalAidEligible',
      standard_fee: 'standardFeeFen',
    } as const;
    for (
      let question = nextFeeQuestion(baotou, current);
      question;
      question = nextFeeQuestion(baotou, current)
    ) {
      asked.push(question);
      const key = field[question];
      if (!(key in fill)) throw new Error(`asked ${question} without an answer`);
      Object.assign(current, { [key]: fill[key] });
      if (asked.length > 10) throw new Error('question loop');
    }
    expect(calculateFee(baotou, current).ok).toBe(true);
    return asked;
  }

  it("a 72-year-old's first will: matter, level, age, first will, then done (free, no fee asked)", () => {
    expect(questions({}, { matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true })).toEqual([
      'matter',
      'disability_level',
      'age',
      'first_application',
    ]);
  });

  it('no certificate: no age or estate question, only legal aid and the fee', () => {
    expect(
      questions(
        {},
        { matterId: 'inheritance', disabilityLevel: null, legalAidEligible: false, standardFeeFen: FEE },
      ),
    ).toEqual(['matter', 'disability_level', 'legal_aid', 'standard_fee']);
  });

  it('a 65-year-old asks nothing about a first will', () => {
    expect(
      questions(
        {},
        { matterId: 'will', disabilityLevel: 3, age: 65, legalAidEligible: false, standardFeeFen: FEE },
      ),
    ).toEqual(['matter', 'disability_level', 'age', 'legal_aid', 'standard_fee']);
  });
});
