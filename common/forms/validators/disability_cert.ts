import { err, ok, type Result } from '../../result';
import { type FieldError, fieldError } from '../field_error';
import { EXAMPLE_RESIDENT_ID, normalizeResidentId, validateResidentId } from './resident_id';

/** 第二代残疾人证: categories 1 vision, 2 hearing, 3 speech, 4 physical, 5 intellectual, 6 mental, 7 multiple. */
export const DISABILITY_CATEGORIES = [1, 2, 3, 4, 5, 6, 7] as const;
/** Levels 1 (most severe) to 4. */
export const DISABILITY_LEVELS = [1, 2, 3, 4] as const;

export const EXAMPLE_DISABILITY_CERT = `${EXAMPLE_RESIDENT_ID}42`;

export interface DisabilityCert {
  number: string;
  residentId: string;
  category: number;
  level: number;
}

/**
 * Checks a second-generation disability certificate number: 20 characters, the holder's 18-character
 * resident ID number (with a valid check digit) followed by the category digit (1–7) and level digit (1–4).
 */
export function validateDisabilityCert(text: string, now: Date): Result<DisabilityCert, FieldError> {
  const number = normalizeResidentId(text);
  const example = { example: EXAMPLE_DISABILITY_CERT };
  if (number.length !== 20)
    return err(fieldError('disability_cert.length', { ...example, length: number.length }));
  if (!/^\d{17}[\dX]\d\d$/.test(number)) return err(fieldError('disability_cert.characters', example));
  const id = validateResidentId(number.slice(0, 18), now);
  if (!id.ok) return err(fieldError('disability_cert.resident_id', example));
  const category = Number(number[18]);
  const level = Number(number[19]);
  if (category < 1 || category > 7) return err(fieldError('disability_cert.category', example));
  if (level < 1 || level > 4) return err(fieldError('disability_cert.level', example));
  return ok({ number, residentId: id.value.number, category, level });
}

/** The certificate agrees with the resident ID number, category and level answered elsewhere. */
export function checkDisabilityCertConsistency(
  cert: DisabilityCert,
  answered: { residentId?: string | undefined; category?: number | undefined; level?: number | undefined },
): Result<DisabilityCert, FieldError> {
  if (answered.residentId !== undefined && normalizeResidentId(answered.residentId) !== cert.residentId)
    return err(fieldError('disability_cert.id_mismatch'));
  if (answered.category !== undefined && answered.category !== cert.category)
    return err(fieldError('disability_cert.category_mismatch', { category: answered.category }));
  if (answered.level !== undefined && answered.level !== cert.level)
    return err(fieldError('disability_cert.level_mismatch', { level: answered.level }));
  return ok(cert);
}
