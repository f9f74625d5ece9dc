import { err, ok, type Result } from '../../result';
import { type FieldError, fieldError } from '../field_error';
import { type CalendarDate, calendarDate, formatIsoDate, localToday } from './dates';

/** GB 11643-1999 weights of the first 17 digits (2^(18-i) mod 11) and the check characters by remainder. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level codes (GB/T 2260) that can begin a resident ID number. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** A fictitious, valid number used in help texts ("for example …"): Baotou, Kundulun district. */
export const EXAMPLE_RESIDENT_ID = `15020319900307002${residentIdCheckChar('15020319900307002')}`;

export interface ResidentId {
  /** 18 characters, upper-case X. */
  number: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** Removes spaces the visitor may type between groups and upper-cases a final x. */
export function normalizeResidentId(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Checks an 18-character resident ID number (GB 11643-1999): digits with a final digit or X, a known
 * province code, a real birth date not in the future, and the MOD 11-2 check character.
 */
export function validateResidentId(text: string, now: Date): Result<ResidentId, FieldError> {
  const number = normalizeResidentId(text);
  const example = { example: EXAMPLE_RESIDENT_ID };
  if (number.length !== 18)
    return err(fieldError('resident_id.length', { ...example, length: number.length }));
  if (!/^\d{17}[\dX]$/.test(number)) return err(fieldError('resident_id.characters', example));
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return err(fieldError('resident_id.region', example));
  const birth: CalendarDate | null = calendarDate(
    Number(number.slice(6, 10)),
    Number(number.slice(10, 12)),
    Number(number.slice(12, 14)),
  );
  if (!birth || birth.year < 1900) return err(fieldError('resident_id.birth_date', example));
  const birthDate = formatIsoDate(birth);
  if (birthDate > localToday(now)) return err(fieldError('resident_id.birth_in_future', example));
  if (residentIdCheckChar(number) !== number[17]) return err(fieldError('resident_id.check_digit', example));
  return ok({ number, birthDate, sex: Number(number[16]) % 2 === 1 ? 'male' : 'female' });
}

/** The number agrees with the birth date and sex answered elsewhere in the form (when answered). */
export function checkResidentIdConsistency(
  id: ResidentId,
  answered: { birthDate?: string | undefined; sex?: string | undefined },
): Result<ResidentId, FieldError> {
  if (answered.birthDate !== undefined && answered.birthDate !== id.birthDate)
    return err(fieldError('resident_id.birth_mismatch', { birthDate: answered.birthDate }));
  if ((answered.sex === 'male' || answered.sex === 'female') && answered.sex !== id.sex)
    return err(fieldError('resident_id.sex_mismatch', { sex: answered.sex }));
  return ok(id);
}
