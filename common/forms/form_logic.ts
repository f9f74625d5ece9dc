import type { Answers, AnswerValue } from './answers';
import { evaluateCondition } from './conditions';
import type { FieldError } from './field_error';
import { fieldError } from './field_error';
import { allSteps, type FieldOption, type Step, type Template } from './template_schema';
import { validateAnswer } from './validate_answer';

/**
 * The steps shown for these answers, in order. A step's condition sees only the answers of visible
 * earlier steps, so hiding a step also hides the steps that depend on it.
 */
export function visibleSteps(template: Template, answers: Answers): Step[] {
  const seen: Record<string, AnswerValue> = {};
  const visible: Step[] = [];
  for (const step of allSteps(template)) {
    if (step.showIf && !evaluateCondition(step.showIf, seen)) continue;
    visible.push(step);
    if (Object.hasOwn(answers, step.id)) seen[step.id] = answers[step.id]!;
  }
  return visible;
}

/** The answers of visible steps only (answers of steps hidden by a later change are dropped). */
export function visibleAnswers(template: Template, answers: Answers): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const step of visibleSteps(template, answers)) {
    if (Object.hasOwn(answers, step.id)) kept[step.id] = answers[step.id]!;
  }
  return kept;
}

/** Whether the submission gets the priority flag (优先), computed from the answers at submit. */
export function computePriority(template: Template, answers: Answers): boolean {
  return template.priority
    ? evaluateCondition(template.priority.when, visibleAnswers(template, answers))
    : false;
}

export interface StepProblem {
  stepId: string;
  error: FieldError;
}

/** Re-validates every visible step (required answers present, each answer valid) before submit. */
export function validateAllAnswers(
  template: Template,
  answers: Answers,
  now: Date,
  sourceOptions: (step: Step) => readonly FieldOption[],
): StepProblem[] {
  const kept = visibleAnswers(template, answers);
  const problems: StepProblem[] = [];
  for (const step of visibleSteps(template, answers)) {
    const value = kept[step.id];
    if (value === undefined) {
      if (step.required) problems.push({ stepId: step.id, error: fieldError('required') });
      continue;
    }
    const result = validateAnswer(step, value, { answers: kept, now, sourceOptions: sourceOptions(step) });
    if (!result.ok) problems.push({ stepId: step.id, error: result.error });
  }
  return problems;
}
