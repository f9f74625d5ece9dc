import { describe, expect, it } from 'vitest';
import {
  campaignsOfYear,
  featuredCampaign,
  helpingDisabledDay,
  nthWeekdayOfMonth,
} from '../../../common/calendar/campaign_calendar';

describe('全国助残日 (third Sunday of May)', () => {
  // Known dates of the National Day for Helping the Disabled.
  const known: [number, number][] = [
    [2024, 19],
    [2025, 18],
    [2026, 17],
    [2027, 16],
    [2028, 21],
    [2029, 20],
    [2030, 19],
  ];
  it.each(known)('in %i falls on 5-%i', (year, day) => {
    expect(helpingDisabledDay(year)).toEqual({ year, month: 5, day });
  });

  it('is a Sunday between 15 and 21 May for every year 1990–2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      const { day } = helpingDisabledDay(year);
      expect(day).toBeGreaterThanOrEqual(15);
      expect(day).toBeLessThanOrEqual(21);
      expect(new Date(Date.UTC(year, 4, day)).getUTCDay()).toBe(0);
    }
  });

  it('nth weekday works for a month starting on that weekday', () => {
    // 1 September 2024 was a Sunday.
    expect(nthWeekdayOfMonth(2024, 9, 0, 1)).toEqual({ year: 2024, month: 9, day: 1 });
  });
});

describe('featured campaign', () => {
  const cases: [string, [number, number, number], string, 'current' | 'upcoming'][] = [
    ['helping day beats the Civil Code month on its day', [2026, 5, 17], 'helping_disabled_day', 'current'],
    ['the rest of May is Civil Code month', [2026, 5, 18], 'civil_code_month', 'current'],
    ['12·3 beats the Constitution week', [2026, 12, 3], 'disability_day', 'current'],
    ['12·4 is Constitution Day', [2026, 12, 4], 'constitution_day', 'current'],
    ['12·6 is in the Constitution week', [2026, 12, 6], 'constitution_week', 'current'],
    ['in summer the next is the December week', [2026, 8, 1], 'constitution_week', 'upcoming'],
    ['after the week the next is next May', [2026, 12, 20], 'civil_code_month', 'upcoming'],
    ['on 30 April the next is the Civil Code month', [2027, 4, 30], 'civil_code_month', 'upcoming'],
  ];
  it.each(cases)('%s', (_name, [year, month, day], id, status) => {
    const featured = featuredCampaign({ year, month, day });
    expect(featured.campaign.id).toBe(id);
    expect(featured.status).toBe(status);
  });

  it('upcoming campaigns start after today, in the right year', () => {
    const { campaign } = featuredCampaign({ year: 2026, month: 12, day: 20 });
    expect(campaign.start).toEqual({ year: 2027, month: 5, day: 1 });
  });

  it('every campaign ends on or after it starts, within its year', () => {
    for (const campaign of campaignsOfYear(2031)) {
      expect(campaign.start.year).toBe(2031);
      expect(Date.UTC(2031, campaign.end.month - 1, campaign.end.day)).toBeGreaterThanOrEqual(
        Date.UTC(2031, campaign.start.month - 1, campaign.start.day),
      );
    }
  });
});
