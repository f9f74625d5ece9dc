import { z } from 'zod';
import type { Answers, AnswerValue } from './answers';

const stepRef = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);
const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

/**
 * The condition language of templates: a step is shown only when its `showIf` holds.
 * - `{ step, equals }` / `{ step, notEquals }`: the answer equals (does not equal) a value;
 * - `{ step, in: [...] }`: the answer is one of the values;
 * - `{ step, includes }`: a multiple-choice answer contains the value;
 * - `{ step, answered }`: the step has (has not) an answer;
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: … }`.
 * A hidden step's answer counts as not answered, so chains of conditions stay consistent.
 */
export type Condition =
  | { step: string; equals: string | number | boolean }
  | { step: string; notEquals: string | number | boolean }
  | { step: string; in: (string | number | boolean)[] }
  | { step: string; includes: string }
  | { step: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ step: stepRef, equals: scalar }).strict(),
    z.object({ step: stepRef, notEquals: scalar }).strict(),
    z.object({ step: stepRef, in: z.array(scalar).min(1).max(50) }).strict(),
    z.object({ step: stepRef, includes: z.string().max(64) }).strict(),
    z.object({ step: stepRef, answered: z.boolean() }).strict(),
    z.object({ all: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Evaluates a condition over the answers (pure; missing answers never match equals/in/includes). */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const value = Object.hasOwn(answers, condition.step) ? answers[condition.step] : undefined;
  if ('answered' in condition) return isAnswered(value) === condition.answered;
  if (!isAnswered(value)) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== condition.notEquals;
  if ('in' in condition) return condition.in.some((candidate) => candidate === value);
  return Array.isArray(value) && value.includes(condition.includes);
}

/** Every step a condition refers to. */
export function conditionSteps(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionSteps);
  if ('any' in condition) return condition.any.flatMap(conditionSteps);
  if ('not' in condition) return conditionSteps(condition.not);
  return [condition.step];
}
