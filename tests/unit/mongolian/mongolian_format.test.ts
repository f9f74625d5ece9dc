import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatTime, patternsFor } from '../../../renderer/i18n/mongolian_format';

const LOCALES = path.resolve(import.meta.dirname, '../../../assets/locales');
const load = (language: string) =>
  JSON.parse(fs.readFileSync(path.join(LOCALES, language, 'format.json'), 'utf8'));

function instance() {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: {
      'zh-CN': { format: load('zh-CN') },
      'mn-Mong-CN': { format: load('mn-Mong-CN') },
      en: { format: load('en') },
    },
    fallbackLng: 'zh-CN',
    initAsync: false,
  });
  return i18n;
}

const CYRILLIC = /[\u0400-\u04ff]/;
// 2026-11-28 23:05 UTC is 2026-11-29 07:05 in China.
const AT = new Date(Date.UTC(2026, 10, 28, 23, 5));

describe('Mongolian formatting from catalog patterns', () => {
  const mn = patternsFor(instance(), 'mn-Mong-CN');

  it('dates use the traditional-script pattern in China time, never Cyrillic', () => {
    const date = formatDate(AT, mn);
    expect(date).toBe('2026 ᠣᠨ\u202fᠤ 11 ᠰᠠᠷ᠎ᠠ\u202fᠶᠢᠨ 29');
    expect(CYRILLIC.test(date)).toBe(false);
    expect(/[\u1820-\u1842]/.test(date)).toBe(true);
  });

  it('times and numbers: Western digits, catalog separators', () => {
    expect(formatTime(AT, mn)).toBe('07:05');
    expect(formatNumber(1234567.891, mn, 2)).toBe('1,234,567.89');
    expect(formatNumber(-0.001, mn, 2)).toBe('0.00');
    expect(formatNumber(-1500, mn)).toBe('-1,500');
    expect(() => formatNumber(Number.NaN, mn)).toThrow(RangeError);
  });

  it('each language uses its own pattern; the formatter does not call Intl', () => {
    const i18n = instance();
    expect(formatDate(AT, patternsFor(i18n, 'zh-CN'))).toBe('2026年11月29日');
    expect(formatDate(AT, patternsFor(i18n, 'en'))).toBe('29/11/2026');
    const source = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../renderer/i18n/mongolian_format.ts'),
      'utf8',
    );
    expect(source.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/Intl\.|toLocale/);
  });
});
