import { err, ok, type Result } from '../../result';
import { type FieldError, fieldError } from '../field_error';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date from its parts (31 February and month 13 are not). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** `YYYY-MM-DD`, a real date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Today's date in the kiosk's local time (Baotou: UTC+8 all year). */
export function localToday(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10);
}

export interface DateRule {
  notBefore?: string | undefined;
  notAfter?: string | undefined;
}

/** Checks a date answer (`YYYY-MM-DD`); bounds may be `today`. Returns the normalized date. */
export function validateDate(text: string, rule: DateRule, now: Date): Result<string, FieldError> {
  const date = parseIsoDate(text.trim());
  if (!date) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim())
      ? err(fieldError('date.not_a_day', { example: '1990-03-07' }))
      : err(fieldError('date.format', { example: '1990-03-07' }));
  }
  const iso = formatIsoDate(date);
  const bound = (value: string) => (value === 'today' ? localToday(now) : value);
  if (rule.notAfter !== undefined && iso > bound(rule.notAfter)) {
    return err(
      rule.notAfter === 'today'
        ? fieldError('date.in_future')
        : fieldError('date.too_late', { max: bound(rule.notAfter) }),
    );
  }
  if (rule.notBefore !== undefined && iso < bound(rule.notBefore)) {
    return err(
      rule.notBefore === 'today'
        ? fieldError('date.in_past')
        : fieldError('date.too_early', { min: bound(rule.notBefore) }),
    );
  }
  return ok(iso);
}
