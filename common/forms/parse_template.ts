import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { conditionSteps } from './conditions';
import { type IdCardField, type Step, type Template, templateSchema } from './template_schema';

/** The field types each card field may fill: the card's value must pass that step's own validator. */
const CARD_FIELD_TYPES: Record<IdCardField, readonly Step['field']['type'][]> = {
  name: ['text'],
  sex: ['single_choice'],
  ethnicity: ['text'],
  birth_date: ['date'],
  address: ['address', 'text'],
  id_number: ['resident_id'],
};

/** A card step's annotation fits its field: the right type, male/female options for sex, once per holder. */
function checkCardSource(step: Step, used: Set<string>): string | null {
  const source = step.idCard;
  if (!source) return null;
  if (!CARD_FIELD_TYPES[source.field].includes(step.field.type))
    return `card field "${source.field}" cannot fill a ${step.field.type} step`;
  if (source.field === 'sex') {
    const values = step.field.type === 'single_choice' ? step.field.options.map((o) => o.value) : [];
    if (!values.includes('male') || !values.includes('female'))
      return 'card field "sex" needs the options male and female';
  }
  const key = `${source.holder}.${source.field}`;
  if (used.has(key)) return `card field "${source.field}" of "${source.holder}" is already filled by a step`;
  used.add(key);
  return null;
}

/** Why a template was refused: the step (when the problem is inside one) and the dotted field path. */
export interface TemplateProblem {
  templateId: string;
  stepId: string | null;
  field: string;
  message: string;
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): TemplateProblem {
  const path = issue.path.map(String);
  const root = (raw ?? {}) as { id?: unknown; sections?: { steps?: { id?: unknown }[] }[] };
  const templateId = typeof root.id === 'string' ? root.id.slice(0, 64) : '';
  let stepId: string | null = null;
  let field = path.join('.');
  if (path[0] === 'sections' && path[2] === 'steps' && path[3] !== undefined) {
    const rawStep = root.sections?.[Number(path[1])]?.steps?.[Number(path[3])];
    stepId = typeof rawStep?.id === 'string' ? rawStep.id.slice(0, 64) : `#${path[3]}`;
    field = path.slice(4).join('.');
  }
  return { templateId, stepId, field, message: issue.message };
}

/** Checks what the schema cannot: unique ids, references to earlier steps, print rows, option use. */
function checkReferences(template: Template): TemplateProblem | null {
  const problem = (stepId: string | null, field: string, message: string): TemplateProblem => ({
    templateId: template.id,
    stepId,
    field,
    message,
  });
  const seen = new Map<string, Step>();
  const sectionIds = new Set<string>();
  const cardFields = new Set<string>();
  for (const section of template.sections) {
    if (sectionIds.has(section.id)) return problem(null, `sections.${section.id}`, 'duplicate section id');
    sectionIds.add(section.id);
    for (const step of section.steps) {
      if (seen.has(step.id)) return problem(step.id, 'id', 'duplicate step id');
      const earlier = (field: string, ref: string, type?: Step['field']['type']): TemplateProblem | null => {
        const target = seen.get(ref);
        if (!target) return problem(step.id, field, `refers to "${ref}", which is not an earlier step`);
        if (type && target.field.type !== type)
          return problem(step.id, field, `refers to "${ref}", which is not a ${type} step`);
        return null;
      };
      for (const ref of step.showIf ? conditionSteps(step.showIf) : []) {
        const found = earlier('showIf', ref);
        if (found) return found;
      }
      const f = step.field;
      const refs: [string, string | undefined, Step['field']['type']][] = [];
      if (f.type === 'resident_id') refs.push(['field.birthDateStep', f.birthDateStep, 'date']);
      if (f.type === 'resident_id') refs.push(['field.sexStep', f.sexStep, 'single_choice']);
      if (f.type === 'disability_cert') {
        refs.push(['field.residentIdStep', f.residentIdStep, 'resident_id']);
        refs.push(['field.categoryStep', f.categoryStep, 'single_choice']);
        refs.push(['field.levelStep', f.levelStep, 'single_choice']);
      }
      for (const [index, starter] of (f.type === 'long_text' ? (f.starters ?? []) : []).entries())
        for (const ref of starter.when ? conditionSteps(starter.when) : []) {
          const found = earlier(`field.starters.${index}.when`, ref);
          if (found) return found;
        }
      for (const [field, ref, type] of refs) {
        const found = ref === undefined ? null : earlier(field, ref, type);
        if (found) return found;
      }
      if (f.type === 'single_choice' || f.type === 'multi_choice') {
        const values = f.options.map((option) => option.value);
        if (new Set(values).size !== values.length)
          return problem(step.id, 'field.options', 'duplicate option');
      }
      if (f.type === 'single_choice' && f.options.length === 0 && !f.optionsSource)
        return problem(step.id, 'field.options', 'a choice needs options or an optionsSource');
      if (
        f.type === 'multi_choice' &&
        f.exclusiveOption &&
        !f.options.some((o) => o.value === f.exclusiveOption)
      )
        return problem(step.id, 'field.exclusiveOption', 'is not one of the options');
      if ((f.type === 'text' || f.type === 'long_text') && (f.minLength ?? 0) > f.maxLength)
        return problem(step.id, 'field.minLength', 'is greater than maxLength');
      if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max)
        return problem(step.id, 'field.min', 'is greater than max');
      const cardProblem = checkCardSource(step, cardFields);
      if (cardProblem) return problem(step.id, 'idCard', cardProblem);
      seen.set(step.id, step);
    }
  }
  for (const ref of template.priority ? conditionSteps(template.priority.when) : []) {
    if (!seen.has(ref)) return problem(null, 'priority.when', `refers to "${ref}", which is not a step`);
  }
  for (const [index, reason] of (template.priority?.reasons ?? []).entries()) {
    for (const ref of conditionSteps(reason.when)) {
      if (!seen.has(ref))
        return problem(null, `priority.reasons.${index}.when`, `refers to "${ref}", which is not a step`);
    }
  }
  const checklistIds = new Set<string>();
  for (const [index, item] of (template.checklist ?? []).entries()) {
    if (checklistIds.has(item.id)) return problem(null, `checklist.${index}.id`, 'duplicate checklist id');
    checklistIds.add(item.id);
    for (const ref of item.when ? conditionSteps(item.when) : []) {
      if (!seen.has(ref))
        return problem(ref, `checklist.${index}.when`, `refers to "${ref}", which is not a step`);
    }
  }
  for (const [index, note] of (template.notes ?? []).entries()) {
    for (const ref of note.steps) {
      if (!seen.has(ref))
        return problem(ref, `notes.${index}.steps`, `refers to "${ref}", which is not a step`);
    }
  }
  for (const [index, section] of template.print.sections.entries()) {
    for (const row of section.rows) {
      if (!seen.has(row.step))
        return problem(
          row.step,
          `print.sections.${index}.rows`,
          `refers to "${row.step}", which is not a step`,
        );
    }
  }
  return null;
}

/** Validates a template (from a file, the database or the hub). Refusals name the step and field. */
export function parseTemplate(raw: unknown): Result<Template, TemplateProblem> {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) return err(describeIssue(raw, parsed.error.issues[0]!));
  const problem = checkReferences(parsed.data);
  return problem ? err(problem) : ok(parsed.data);
}

export function formatTemplateProblem(problem: TemplateProblem): string {
  const where = problem.stepId
    ? `step "${problem.stepId}", field "${problem.field}"`
    : `field "${problem.field}"`;
  return `Template "${problem.templateId}" refused: ${where}: ${problem.message}`;
}
