import type { i18n as I18n } from 'i18next';
import type { Language } from '../../common/languages';

/**
 * Dates, times and numbers from the catalog's own patterns (namespace `format`), never `Intl`: Chromium's
 * Intl has no traditional-script Mongolian and falls back to Cyrillic Mongolian month names and digits.
 * Clock fields are China Standard Time (UTC+8, no daylight saving), the kiosk's legal time zone.
 */
export interface FormatPatterns {
  date: string;
  time: string;
  group: string;
  decimal: string;
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

export function patternsFor(i18n: I18n, language: Language): FormatPatterns {
  const t = i18n.getFixedT(language, 'format');
  // Placeholders stay in the pattern: the fields are filled here.
  const raw = (key: string) => t(key, { skipInterpolation: true });
  return { date: raw('date'), time: raw('time'), group: raw('number.group'), decimal: raw('number.decimal') };
}

function fill(pattern: string, fields: Record<string, string>): string {
  return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => fields[name] ?? whole);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function chinaClock(at: Date) {
  const shifted = new Date(at.getTime() + CST_OFFSET_MS);
  return {
    year: String(shifted.getUTCFullYear()),
    month: String(shifted.getUTCMonth() + 1),
    day: String(shifted.getUTCDate()),
    hour: pad2(shifted.getUTCHours()),
    minute: pad2(shifted.getUTCMinutes()),
  };
}

export function formatDate(at: Date, patterns: FormatPatterns): string {
  return fill(patterns.date, chinaClock(at));
}

export function formatTime(at: Date, patterns: FormatPatterns): string {
  return fill(patterns.time, chinaClock(at));
}

/** Western digits, grouped by three with the catalog's separators; `fractionDigits` fixed (rounded half up). */
export function formatNumber(value: number, patterns: FormatPatterns, fractionDigits = 0): string {
  if (!Number.isFinite(value)) throw new RangeError('formatNumber: not a finite number');
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, patterns.group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? patterns.decimal + fraction : '');
}
