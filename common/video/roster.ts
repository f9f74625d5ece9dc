import { z } from 'zod';

/**
 * Who a visitor can call. `interpreter`: sign-language interpreter (often a volunteer); mediator, judicial
 * appraiser and arbitrator are on the policy's online duty rosters too (policy §1).
 */
export const CALL_KINDS = [
  'interpreter',
  'lawyer',
  'notary',
  'legal_aid',
  'mediator',
  'judicial_appraiser',
  'arbitrator',
] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export const callKindSchema = z.enum(CALL_KINDS);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const slotSchema = z
  .object({ from: hhmm, to: hhmm })
  .strict()
  .refine((slot) => minutesOf(slot.from) < minutesOf(slot.to), 'from must be before to');

export const rosterPersonSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
    kind: callKindSchema,
    /** Shown to visitors: a role name such as "值班律师 王律师", never a phone number. */
    name: z.string().min(1).max(60),
    /** ISO weekday 1 = Monday … 7 = Sunday, in China Standard Time. */
    weekly: z.array(z.object({ day: z.number().int().min(1).max(7), from: hhmm, to: hhmm }).strict()).max(50),
    /** A dated exception replaces that day's weekly slots: `slots: []` = off that day. */
    exceptions: z.array(z.object({ date: isoDate, slots: z.array(slotSchema).max(10) }).strict()).max(400),
  })
  .strict();
export type RosterPerson = z.infer<typeof rosterPersonSchema>;

export const rosterSchema = z
  .object({
    version: z.literal(1),
    /** Free text, e.g. "示例数据 (sample data)". */
    label: z.string().max(200).optional(),
    /** Demo data: the call screen labels every time it shows as 示例数据. */
    sample: z.boolean().optional(),
    people: z.array(rosterPersonSchema).max(500),
  })
  .strict();
export type Roster = z.infer<typeof rosterSchema>;

/** China Standard Time has no daylight saving: local time is UTC + 8 h, computed without Intl. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

interface LocalDay {
  /** UTC instant of local midnight. */
  startMs: number;
  date: string;
  weekday: number;
}

function localDay(ms: number): LocalDay {
  const local = new Date(ms + CST_OFFSET_MS);
  const midnightLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return {
    startMs: midnightLocal - CST_OFFSET_MS,
    date: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
  };
}

function slotsOn(person: RosterPerson, day: LocalDay): { from: string; to: string }[] {
  const exception = person.exceptions.find((entry) => entry.date === day.date);
  if (exception) return exception.slots;
  return person.weekly.filter((slot) => slot.day === day.weekday);
}

/** Is the person scheduled at this instant? */
export function isOnDuty(person: RosterPerson, at: Date): boolean {
  const day = localDay(at.getTime());
  const minute = Math.floor((at.getTime() - day.startMs) / 60_000);
  return slotsOn(person, day).some((slot) => minutesOf(slot.from) <= minute && minute < minutesOf(slot.to));
}

/** A future (or current) shift start in China Standard Time, ready for plain-words display. */
export interface NextDuty {
  kind: CallKind;
  startsAt: string;
  /** Local date `YYYY-MM-DD`, ISO weekday and `HH:MM`, so the screen needs no time-zone data. */
  date: string;
  weekday: number;
  time: string;
  /** 0 today, 1 tomorrow, … (local days). */
  daysFromNow: number;
}

/** The earliest shift of `kind` starting after `at` within two weeks, or null. */
export function nextOnDuty(roster: Roster, kind: CallKind, at: Date): NextDuty | null {
  const today = localDay(at.getTime());
  const people = roster.people.filter((person) => person.kind === kind);
  for (let offset = 0; offset < 14; offset++) {
    const day = localDay(today.startMs + offset * DAY_MS + 3_600_000);
    const starts = people
      .flatMap((person) => slotsOn(person, day))
      .map((slot) => day.startMs + minutesOf(slot.from) * 60_000)
      .filter((ms) => ms > at.getTime())
      .sort((a, b) => a - b);
    const first = starts[0];
    if (first === undefined) continue;
    const minutes = (first - day.startMs) / 60_000;
    return {
      kind,
      startsAt: new Date(first).toISOString(),
      date: day.date,
      weekday: day.weekday,
      time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      daysFromNow: offset,
    };
  }
  return null;
}

/** One line of the kiosk's "who can I call" list. */
export interface KindAvailability {
  kind: CallKind;
  /** Someone of this kind is signed in and free: one touch rings them. */
  callableNow: boolean;
  /** Scheduled now per roster (may still be busy or not signed in). */
  scheduledNow: boolean;
  next: NextDuty | null;
}

/** Presence: the kinds of signed-in agents who marked themselves available and are not in a call. */
export function availability(
  roster: Roster,
  freeAgentKinds: readonly CallKind[],
  at: Date,
): KindAvailability[] {
  return CALL_KINDS.map((kind) => ({
    kind,
    callableNow: freeAgentKinds.includes(kind),
    scheduledNow: roster.people.some((person) => person.kind === kind && isOnDuty(person, at)),
    next: nextOnDuty(roster, kind, at),
  }));
}
