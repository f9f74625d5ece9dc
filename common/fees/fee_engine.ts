import { err, ok, type Result } from '../result';
import type { FeeQuote } from './fee_quote_schema';
import type { DisabilityLevel, FeeCondition, FeeRule, FeeRuleTable } from './fee_rule_schema';
import { MAX_FEN, percentOfFen } from './money';

/** The visitor's situation. Optional fields are asked only when a rule needs them. */
export interface FeeSituation {
  matterId: string;
  /** Level on the disability certificate; null = no certificate. */
  disabilityLevel?: DisabilityLevel | null;
  /** Age in completed years (周岁). */
  age?: number;
  legalAidEligible?: boolean;
  /** First application for this matter (e.g. the first will). */
  firstApplication?: boolean;
  estateValueFen?: number;
  /** The office's standard fee in fen; null when the visitor does not know it; not needed when free. */
  standardFeeFen?: number | null;
}

/** The questions of the guided screens, in the order they are asked. */
export const FEE_QUESTIONS = [
  'matter',
  'disability_level',
  'age',
  'first_application',
  'estate_value',
  'legal_aid',
  'standard_fee',
] as const;
export type FeeQuestion = (typeof FEE_QUESTIONS)[number];

const FIELD_OF: Record<FeeQuestion, keyof FeeSituation> = {
  matter: 'matterId',
  disability_level: 'disabilityLevel',
  age: 'age',
  first_application: 'firstApplication',
  estate_value: 'estateValueFen',
  legal_aid: 'legalAidEligible',
  standard_fee: 'standardFeeFen',
};

export type FeeInputProblem =
  | 'wrong_type'
  | 'missing'
  | 'not_a_number'
  | 'not_integer'
  | 'negative'
  | 'out_of_range'
  | 'unknown_matter';

export interface FeeInputError {
  kind: 'invalid_input';
  field: keyof FeeSituation | 'situation';
  problem: FeeInputProblem;
}

type Verdict = { kind: 'yes' } | { kind: 'no' } | { kind: 'unknown'; questions: FeeQuestion[] };

function coversMatter(table: FeeRuleTable, condition: FeeCondition, matterId: string): boolean {
  const { matters } = condition;
  if (matters === undefined) return true;
  if (matters === 'livelihood_list')
    return table.matters.some((matter) => matter.id === matterId && matter.livelihoodList);
  return matters.includes(matterId);
}

/** Checks one rule against a (possibly partial) situation: yes, no, or which answers are still missing. */
function judge(table: FeeRuleTable, rule: FeeRule, situation: Partial<FeeSituation>): Verdict {
  const { when } = rule;
  if (situation.matterId === undefined) return { kind: 'unknown', questions: ['matter'] };
  if (!coversMatter(table, when, situation.matterId)) return { kind: 'no' };
  const clauses: [FeeQuestion, boolean | undefined][] = [];
  const level = situation.disabilityLevel;
  if (when.disability !== 'not_required') {
    const holds =
      level === undefined
        ? undefined
        : level !== null && (when.disability === 'any_level' || table.severeLevels.includes(level));
    clauses.push(['disability_level', holds]);
  }
  if (when.olderThan !== undefined)
    clauses.push(['age', situation.age === undefined ? undefined : situation.age > when.olderThan]);
  if (when.firstApplication) clauses.push(['first_application', situation.firstApplication]);
  if (when.estateAtMostFen !== undefined)
    clauses.push([
      'estate_value',
      situation.estateValueFen === undefined ? undefined : situation.estateValueFen <= when.estateAtMostFen,
    ]);
  if (when.legalAidEligible !== undefined)
    clauses.push([
      'legal_aid',
      situation.legalAidEligible === undefined
        ? undefined
        : situation.legalAidEligible === when.legalAidEligible,
    ]);
  if (clauses.some(([, holds]) => holds === false)) return { kind: 'no' };
  const questions = clauses.filter(([, holds]) => holds === undefined).map(([question]) => question);
  return questions.length > 0 ? { kind: 'unknown', questions } : { kind: 'yes' };
}

/** The share of the fee a rule guarantees, in percent: what "most favourable" compares. */
function guaranteedPercent(rule: FeeRule): number {
  switch (rule.reduction.kind) {
    case 'free':
      return 100;
    case 'at_least':
      return rule.reduction.percent;
    case 'office_decides':
      return 0;
  }
}

interface Evaluation {
  best: FeeRule | null;
  matched: FeeRule[];
  missing: FeeQuestion[];
}

function evaluate(table: FeeRuleTable, situation: Partial<FeeSituation>): Evaluation {
  const matched: FeeRule[] = [];
  const missing = new Set<FeeQuestion>();
  for (const rule of table.rules) {
    const verdict = judge(table, rule, situation);
    if (verdict.kind === 'yes') matched.push(rule);
    if (verdict.kind === 'unknown') for (const question of verdict.questions) missing.add(question);
  }
  // Stable: among equally favourable rules the first in the table wins.
  const best = matched.reduce<FeeRule | null>(
    (winner, rule) =>
      winner === null || guaranteedPercent(rule) > guaranteedPercent(winner) ? rule : winner,
    null,
  );
  // Once a rule makes it free, no other answer can improve the result.
  if (best?.reduction.kind === 'free') missing.clear();
  return { best, matched, missing: FEE_QUESTIONS.filter((question) => missing.has(question)) };
}

/**
 * The next question the guided screens must ask, or null when the answers suffice. Only questions that
 * can still change the result are asked; the standard fee is skipped when the result is "free".
 */
export function nextFeeQuestion(table: FeeRuleTable, answers: Partial<FeeSituation>): FeeQuestion | null {
  if (answers.matterId === undefined) return 'matter';
  const { best, missing } = evaluate(table, answers);
  if (missing[0] !== undefined) return missing[0];
  if (answers.standardFeeFen === undefined && best?.reduction.kind !== 'free') return 'standard_fee';
  return null;
}

function checkNumber(value: unknown, field: keyof FeeSituation, max: number): FeeInputError | null {
  if (typeof value !== 'number') return { kind: 'invalid_input', field, problem: 'wrong_type' };
  if (Number.isNaN(value)) return { kind: 'invalid_input', field, problem: 'not_a_number' };
  if (value < 0) return { kind: 'invalid_input', field, problem: 'negative' };
  if (!Number.isInteger(value)) return { kind: 'invalid_input', field, problem: 'not_integer' };
  if (value > max) return { kind: 'invalid_input', field, problem: 'out_of_range' };
  return null;
}

/** Checks untrusted input (from the screens or a stored form) field by field. */
function checkSituation(table: FeeRuleTable, input: unknown): Result<FeeSituation, FeeInputError> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return err({ kind: 'invalid_input', field: 'situation', problem: 'wrong_type' });
  const value = input as Record<string, unknown>;
  const has = (key: keyof FeeSituation) => Object.hasOwn(value, key) && value[key] !== undefined;
  if (!has('matterId')) return err({ kind: 'invalid_input', field: 'matterId', problem: 'missing' });
  if (typeof value.matterId !== 'string')
    return err({ kind: 'invalid_input', field: 'matterId', problem: 'wrong_type' });
  const matterId = value.matterId;
  if (!table.matters.some((matter) => matter.id === matterId))
    return err({ kind: 'invalid_input', field: 'matterId', problem: 'unknown_matter' });
  const checks: [keyof FeeSituation, number][] = [
    ['standardFeeFen', MAX_FEN],
    ['estateValueFen', MAX_FEN],
    ['age', 150],
  ];
  for (const [field, max] of checks) {
    if (!has(field) || (field === 'standardFeeFen' && value.standardFeeFen === null)) continue;
    const problem = checkNumber(value[field], field, max);
    if (problem) return err(problem);
  }
  if (has('disabilityLevel') && value.disabilityLevel !== null) {
    const problem = checkNumber(value.disabilityLevel, 'disabilityLevel', 4);
    if (problem) return err(problem);
    if (value.disabilityLevel === 0)
      return err({ kind: 'invalid_input', field: 'disabilityLevel', problem: 'out_of_range' });
  }
  for (const field of ['legalAidEligible', 'firstApplication'] as const) {
    if (has(field) && typeof value[field] !== 'boolean')
      return err({ kind: 'invalid_input', field, problem: 'wrong_type' });
  }
  const situation: FeeSituation = { matterId };
  if (has('standardFeeFen')) situation.standardFeeFen = value.standardFeeFen as number | null;
  if (has('disabilityLevel')) situation.disabilityLevel = value.disabilityLevel as DisabilityLevel | null;
  if (has('age')) situation.age = value.age as number;
  if (has('legalAidEligible')) situation.legalAidEligible = value.legalAidEligible as boolean;
  if (has('firstApplication')) situation.firstApplication = value.firstApplication as boolean;
  if (has('estateValueFen')) situation.estateValueFen = value.estateValueFen as number;
  return ok(situation);
}

/**
 * The fee a visitor pays under a rule table: the most favourable matching rule, its reduction and source.
 * Pure; money in integer fen; "at least N %" rules give the configured minimum N (the office may give more).
 */
export function calculateFee(table: FeeRuleTable, input: unknown): Result<FeeQuote, FeeInputError> {
  const checked = checkSituation(table, input);
  if (!checked.ok) return checked;
  const situation = checked.value;
  const { best, matched, missing } = evaluate(table, situation);
  if (missing[0] !== undefined)
    return err({ kind: 'invalid_input', field: FIELD_OF[missing[0]], problem: 'missing' });
  const percent = best ? guaranteedPercent(best) : 0;
  if (situation.standardFeeFen === undefined && percent !== 100)
    return err({ kind: 'invalid_input', field: 'standardFeeFen', problem: 'missing' });
  const standard = situation.standardFeeFen ?? null;
  const reductionFen = standard === null ? null : percentOfFen(standard, percent);
  const feeToPayFen = percent === 100 ? 0 : standard === null ? null : standard - (reductionFen ?? 0);
  return ok({
    tableId: table.id,
    tableVersion: table.version,
    matterId: situation.matterId,
    standardFeeFen: standard,
    reductionPercent: percent,
    reductionFen,
    feeToPayFen,
    mayBeLower: best !== null && best.reduction.kind !== 'free',
    applied: best && {
      ruleId: best.id,
      title: best.title,
      sourceRef: best.sourceRef,
      sourceText: best.sourceText,
      reduction: best.reduction,
    },
    alsoMatched: matched.filter((rule) => rule !== best).map((rule) => rule.id),
  });
}
