import type { TFunction } from 'i18next';
import type { CalendarDate } from '../../../common/calendar/campaign_calendar';

/**
 * A campaign date from the catalog's patterns (`knowledge:date.day`, `knowledge:months.N`), never from `Intl`,
 * which renders Mongolian dates in Cyrillic.
 */
export function formatCalendarDate(t: TFunction, date: CalendarDate): string {
  return t('date.day', {
    ns: 'knowledge',
    day: date.day,
    monthName: t(`months.${date.month}`, { ns: 'knowledge' }),
  });
}

export function formatCalendarRange(t: TFunction, start: CalendarDate, end: CalendarDate): string {
  const first = formatCalendarDate(t, start);
  if (start.month === end.month && start.day === end.day) return first;
  return t('date.range', { ns: 'knowledge', start: first, end: formatCalendarDate(t, end) });
}
