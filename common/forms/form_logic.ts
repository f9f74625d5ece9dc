import type { Answers, AnswerValue } from './answers';
import { evaluateCondition } from './conditions';
import type { FieldError } from './field_error';
import { fieldError } from './field_error';
import {
  allSteps,
  type ChecklistItem,
  type FieldOption,
  type LocalizedText,
  type Step,
  type Template,
} from './template_schema';
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

/**
 * The papers to bring for these answers: the template's checklist items whose branch was chosen (agent or
 * guardian papers, art. 32 proof, 低保 proof …), in the template's order. Hidden answers do not count.
 */
export function papersToBring(template: Template, answers: Answers): ChecklistItem[] {
  const kept = visibleAnswers(template, answers);
  return (template.checklist ?? []).filter((item) => !item.when || evaluateCondition(item.when, kept));
}

/**
 * Why the application would be flagged priority, in words: the template's `priority.reasons` that hold (a
 * disability, a hearing or deadline near …). Empty when it is not flagged or the template gives no reasons.
 */
export function priorityReasons(template: Template, answers: Answers): LocalizedText[] {
  if (!template.priority?.reasons || !computePriority(template, answers)) return [];
  const kept = visibleAnswers(template, answers);
  return template.priority.reasons.filter((r) => evaluateCondition(r.when, kept)).map((r) => r.text);
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
