import { describe, expect, it, vi } from 'vitest';
import { helpingDisabledDay } from '../../../common/calendar/campaign_calendar';
import { createI18n } from '../../../renderer/i18n/i18n';
import {
  formatCalendarDate,
  formatCalendarRange,
} from '../../../renderer/screens/knowledge/format_calendar_date';

describe('campaign dates come from catalog patterns, never Intl', () => {
  it('formats the helping day in Chinese, English and Mongolian script without calling Intl', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    const day = helpingDisabledDay(2026);
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    const mn = createI18n('mn-Mong-CN');
    expect(formatCalendarDate(zh.t, day)).toBe('5月17日');
    expect(formatCalendarDate(en.t, day)).toBe('17 May');
    const mongolian = formatCalendarDate(mn.t, day);
    expect(mongolian).toContain('17');
    expect(mongolian).toMatch(/[\u1820-\u18af]/);
    expect(mongolian).not.toMatch(/[\u0400-\u04ff]/);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('a range names both ends; a single day only one', () => {
    const en = createI18n('en');
    expect(
      formatCalendarRange(en.t, { year: 2026, month: 12, day: 1 }, { year: 2026, month: 12, day: 7 }),
    ).toBe('1 December to 7 December');
    expect(
      formatCalendarRange(en.t, { year: 2026, month: 12, day: 4 }, { year: 2026, month: 12, day: 4 }),
    ).toBe('4 December');
  });
});
