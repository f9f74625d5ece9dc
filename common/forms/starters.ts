import type { LocalizedText } from '../content/localized_text';
import type { Answers } from './answers';
import { evaluateCondition } from './conditions';
import type { Step } from './template_schema';

/** The common wording a long-text step offers for these answers (those whose `when` holds). */
export function startersFor(step: Step, answers: Answers): LocalizedText[] {
  if (step.field.type !== 'long_text') return [];
  return (step.field.starters ?? [])
    .filter((starter) => !starter.when || evaluateCondition(starter.when, answers))
    .map((starter) => starter.text);
}
