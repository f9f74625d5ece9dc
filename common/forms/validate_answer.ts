import { err, ok, type Result } from '../result';
import type { Answers, AnswerValue } from './answers';
import { type FieldError, fieldError } from './field_error';
import { type FieldOption, LONG_TEXT_MAX, SIGNATURE_MAX, type Step } from './template_schema';
import { validateDate } from './validators/dates';
import { checkDisabilityCertConsistency, validateDisabilityCert } from './validators/disability_cert';
import { validatePhone } from './validators/phone';
import { checkResidentIdConsistency, validateResidentId } from './validators/resident_id';
import { validateText } from './validators/text';

export interface AnswerContext {
  /** Answers of the visible steps, for checks that compare with earlier answers. */
  answers: Answers;
  now: Date;
  /** Options from published data for a step with an `optionsSource`. */
  sourceOptions?: readonly FieldOption[];
}

/** A signature: SVG path data of the strokes drawn on the screen (move/line commands and numbers only). */
const SIGNATURE = /^[MLml0-9 .,-]+$/;

function isEmpty(value: AnswerValue): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function stringAnswer(answers: Answers, stepId: string | undefined): string | undefined {
  if (stepId === undefined) return undefined;
  const value = answers[stepId];
  return typeof value === 'string' ? value : undefined;
}

/** The digit an option value ends in (`category_4` → 4), used to compare a certificate with its category. */
function trailingDigit(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /(\d)$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** What earlier steps say of a disability certificate: its holder's ID number, its category and level. */
export function certAnswers(
  field: Extract<Step['field'], { type: 'disability_cert' }>,
  answers: Answers,
): { residentId: string | undefined; category: number | undefined; level: number | undefined } {
  return {
    residentId: stringAnswer(answers, field.residentIdStep),
    category: trailingDigit(stringAnswer(answers, field.categoryStep)),
    level: trailingDigit(stringAnswer(answers, field.levelStep)),
  };
}

function validateNumber(field: Extract<Step['field'], { type: 'number' }>, value: AnswerValue) {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d{1,15}(\.\d{1,6})?$/.test(value.trim())
        ? Number(value.trim())
        : Number.NaN;
  if (!Number.isFinite(number)) return err(fieldError('number.not_a_number'));
  if (field.integer && !Number.isInteger(number)) return err(fieldError('number.not_integer'));
  if (field.min !== undefined && number < field.min)
    return err(fieldError('number.too_small', { min: field.min }));
  if (field.max !== undefined && number > field.max)
    return err(fieldError('number.too_large', { max: field.max }));
  return ok(number);
}

/**
 * Validates and normalizes one non-empty answer for its step. Errors are catalog keys with parameters
 * that tell the visitor how to fix the answer.
 */
function validateValue(
  step: Step,
  value: AnswerValue,
  context: AnswerContext,
): Result<AnswerValue, FieldError> {
  const field = step.field;
  const { answers, now } = context;
  switch (field.type) {
    case 'text':
      return typeof value === 'string'
        ? validateText(value, { ...field, multiline: false })
        : err(fieldError('wrong_type'));
    case 'address':
      return typeof value === 'string'
        ? validateText(value, { maxLength: field.maxLength, multiline: false })
        : err(fieldError('wrong_type'));
    case 'long_text':
      return typeof value === 'string'
        ? validateText(value, {
            ...field,
            maxLength: Math.min(field.maxLength, LONG_TEXT_MAX),
            multiline: true,
          })
        : err(fieldError('wrong_type'));
    case 'number':
      return validateNumber(field, value);
    case 'date':
      return typeof value === 'string' ? validateDate(value, field, now) : err(fieldError('wrong_type'));
    case 'yes_no':
      return typeof value === 'boolean' ? ok(value) : err(fieldError('wrong_type'));
    case 'single_choice': {
      if (typeof value !== 'string') return err(fieldError('wrong_type'));
      const options = [...field.options, ...(context.sourceOptions ?? [])];
      const chosen = options.find((option) => option.value === value);
      if (!chosen) return err(fieldError('choice.unknown'));
      return chosen.refuses ? err(fieldError(`refused.${chosen.refuses}`)) : ok(value);
    }
    case 'multi_choice': {
      if (!Array.isArray(value)) return err(fieldError('wrong_type'));
      const unique = [...new Set(value)];
      if (!unique.every((v) => field.options.some((option) => option.value === v)))
        return err(fieldError('choice.unknown'));
      if (field.exclusiveOption && unique.includes(field.exclusiveOption) && unique.length > 1)
        return err(fieldError('choice.exclusive'));
      const refusing = field.options.find((option) => option.refuses && unique.includes(option.value));
      if (refusing?.refuses) return err(fieldError(`refused.${refusing.refuses}`));
      if (field.minSelected !== undefined && unique.length < field.minSelected)
        return err(fieldError('choice.too_few', { min: field.minSelected }));
      if (field.maxSelected !== undefined && unique.length > field.maxSelected)
        return err(fieldError('choice.too_many', { max: field.maxSelected }));
      // Stored in the template's option order, so equal answers have equal payloads.
      return ok(field.options.map((option) => option.value).filter((v) => unique.includes(v)));
    }
    case 'phone': {
      if (typeof value !== 'string') return err(fieldError('wrong_type'));
      const phone = validatePhone(value, field.accept);
      return phone.ok ? ok(phone.value.normalized) : phone;
    }
    case 'resident_id': {
      if (typeof value !== 'string') return err(fieldError('wrong_type'));
      const id = validateResidentId(value, now);
      if (!id.ok) return id;
      const consistent = checkResidentIdConsistency(id.value, {
        birthDate: stringAnswer(answers, field.birthDateStep),
        sex: stringAnswer(answers, field.sexStep),
      });
      return consistent.ok ? ok(consistent.value.number) : consistent;
    }
    case 'disability_cert': {
      if (typeof value !== 'string') return err(fieldError('wrong_type'));
      const cert = validateDisabilityCert(value, now);
      if (!cert.ok) return cert;
      const consistent = checkDisabilityCertConsistency(cert.value, certAnswers(field, answers));
      return consistent.ok ? ok(consistent.value.number) : consistent;
    }
    case 'signature':
      if (typeof value !== 'string') return err(fieldError('wrong_type'));
      return value.length <= SIGNATURE_MAX && SIGNATURE.test(value)
        ? ok(value)
        : err(fieldError('signature.invalid'));
  }
}

/**
 * Validates an answer for a step. An empty answer (blank text, no choice) is `null`: refused for a
 * required step with `errors.required`, otherwise it clears the answer.
 */
export function validateAnswer(
  step: Step,
  value: AnswerValue,
  context: AnswerContext,
): Result<AnswerValue | null, FieldError> {
  if (isEmpty(value)) return step.required ? err(fieldError('required')) : ok(null);
  return validateValue(step, value, context);
}
