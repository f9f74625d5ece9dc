import type { Answers } from './answers';
import type { Step } from './template_schema';
import { certAnswers } from './validate_answer';
import { validateDisabilityCert } from './validators/disability_cert';
import { normalizeResidentId } from './validators/resident_id';

/**
 * An answer the form can propose from earlier answers, for the visitor to check rather than type: a
 * second-generation disability certificate number is the holder's ID number followed by the category and
 * level digits, all three answered on earlier steps (or read from the ID card). Null when nothing follows.
 */
export function proposedAnswer(step: Step, answers: Answers, now: Date): string | null {
  if (step.field.type !== 'disability_cert') return null;
  const known = certAnswers(step.field, answers);
  if (known.residentId === undefined || known.category === undefined || known.level === undefined)
    return null;
  const number = `${normalizeResidentId(known.residentId)}${known.category}${known.level}`;
  return validateDisabilityCert(number, now).ok ? number : null;
}
