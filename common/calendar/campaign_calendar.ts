/** A date on the kiosk's local calendar (no time zone: campaigns are whole days). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The legal-publicity dates of policy §6. */
export const CAMPAIGN_IDS = [
  'helping_disabled_day',
  'civil_code_month',
  'disability_day',
  'constitution_day',
  'constitution_week',
] as const;
export type CampaignId = (typeof CAMPAIGN_IDS)[number];

export interface Campaign {
  id: CampaignId;
  start: CalendarDate;
  end: CalendarDate;
}

export interface FeaturedCampaign {
  campaign: Campaign;
  status: 'current' | 'upcoming';
}

function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/** The n-th given weekday (0 = Sunday) of a month, e.g. the third Sunday of May. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDate {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return { year, month, day: 1 + ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7 };
}

/** 全国助残日: the third Sunday of May. */
export function helpingDisabledDay(year: number): CalendarDate {
  return nthWeekdayOfMonth(year, 5, 0, 3);
}

const on = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/**
 * The campaigns of one year. Constitution Publicity Week is set nationally each year around 12·4; the
 * kiosk assumes 1–7 December.
 */
export function campaignsOfYear(year: number): Campaign[] {
  const helpingDay = helpingDisabledDay(year);
  return [
    { id: 'civil_code_month', start: on(year, 5, 1), end: on(year, 5, 31) },
    { id: 'helping_disabled_day', start: helpingDay, end: helpingDay },
    { id: 'constitution_week', start: on(year, 12, 1), end: on(year, 12, 7) },
    { id: 'disability_day', start: on(year, 12, 3), end: on(year, 12, 3) },
    { id: 'constitution_day', start: on(year, 12, 4), end: on(year, 12, 4) },
  ];
}

const span = (campaign: Campaign) => dayNumber(campaign.end) - dayNumber(campaign.start);

/**
 * The campaign to feature on the home screen: the shortest one running today (a day beats its week or
 * month), otherwise the next one to start.
 */
export function featuredCampaign(today: CalendarDate): FeaturedCampaign {
  const now = dayNumber(today);
  const running = campaignsOfYear(today.year)
    .filter((campaign) => dayNumber(campaign.start) <= now && now <= dayNumber(campaign.end))
    .sort((a, b) => span(a) - span(b));
  if (running[0]) return { campaign: running[0], status: 'current' };
  const upcoming = [...campaignsOfYear(today.year), ...campaignsOfYear(today.year + 1)]
    .filter((campaign) => dayNumber(campaign.start) > now)
    .sort((a, b) => dayNumber(a.start) - dayNumber(b.start) || span(b) - span(a));
  return { campaign: upcoming[0]!, status: 'upcoming' };
}

/** Today on the kiosk's own clock (the terminal runs on local Baotou time). */
export function localCalendarDate(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
