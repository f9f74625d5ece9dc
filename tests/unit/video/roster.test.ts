import { describe, expect, it } from 'vitest';
import { dutyRosterSchema, rosterForCentre } from '../../../common/published/duty_roster_schema';
import { availability, isOnDuty, nextOnDuty, type Roster, rosterSchema } from '../../../common/video/roster';

const roster: Roster = {
  version: 1,
  people: [
    {
      id: 'i1',
      kind: 'interpreter',
      name: 'Interpreter',
      weekly: [
        { day: 1, from: '09:00', to: '12:00' },
        { day: 3, from: '14:00', to: '17:00' },
      ],
      exceptions: [
        { date: '2026-11-30', slots: [] },
        { date: '2026-12-05', slots: [{ from: '10:00', to: '11:00' }] },
      ],
    },
    {
      id: 'l1',
      kind: 'lawyer',
      name: 'Lawyer',
      weekly: [{ day: 6, from: '23:00', to: '24:00' }],
      exceptions: [],
    },
  ],
};
const interpreter = roster.people[0]!;
// 2026-11-23 is a Monday. 09:30 in Beijing is 01:30 UTC.
const cst = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe('duty roster (China Standard Time, UTC+8 arithmetic)', () => {
  it('is on duty inside a weekly slot and not at its end', () => {
    expect(isOnDuty(interpreter, cst('2026-11-23', '09:00'))).toBe(true);
    expect(isOnDuty(interpreter, cst('2026-11-23', '11:59'))).toBe(true);
    expect(isOnDuty(interpreter, cst('2026-11-23', '12:00'))).toBe(false);
    expect(isOnDuty(interpreter, cst('2026-11-24', '09:30'))).toBe(false);
  });

  it('uses the local day, not the UTC day, near midnight', () => {
    // Saturday 23:30 in Beijing is Saturday 15:30 UTC; Sunday 00:30 Beijing is still Saturday in UTC.
    const lawyer = roster.people[1]!;
    expect(isOnDuty(lawyer, cst('2026-11-28', '23:30'))).toBe(true);
    expect(isOnDuty(lawyer, cst('2026-11-29', '00:30'))).toBe(false);
  });

  it('an exception replaces the weekly slots of that date', () => {
    expect(isOnDuty(interpreter, cst('2026-11-30', '09:30'))).toBe(false); // Monday off
    expect(isOnDuty(interpreter, cst('2026-12-05', '10:30'))).toBe(true); // Saturday extra
  });

  it('finds the next shift start, skipping the day off', () => {
    const next = nextOnDuty(roster, 'interpreter', cst('2026-11-29', '20:00'));
    // Monday 30 Nov is off; Wednesday 2 Dec 14:00 is next.
    expect(next).toMatchObject({ date: '2026-12-02', weekday: 3, time: '14:00', daysFromNow: 3 });
    expect(next?.startsAt).toBe('2026-12-02T06:00:00.000Z');
    expect(nextOnDuty(roster, 'interpreter', cst('2026-11-23', '08:00'))).toMatchObject({
      date: '2026-11-23',
      time: '09:00',
      daysFromNow: 0,
    });
    expect(nextOnDuty(roster, 'notary', cst('2026-11-23', '08:00'))).toBeNull();
  });

  it('callable now follows presence; scheduled follows the roster', () => {
    const lines = availability(roster, ['lawyer'], cst('2026-11-23', '10:00'));
    expect(lines.find((l) => l.kind === 'interpreter')).toMatchObject({
      callableNow: false,
      scheduledNow: true,
    });
    expect(lines.find((l) => l.kind === 'lawyer')).toMatchObject({ callableNow: true, scheduledNow: false });
  });

  it('a terminal shows its own centre and the city-wide people of the published roster, and its sample mark', () => {
    const duty = dutyRosterSchema.parse({
      format: 'kiosk.duty_roster',
      formatVersion: 1,
      id: 'baotou',
      version: '2026-12',
      sample: true,
      people: [
        { ...interpreter, id: 'everywhere' },
        { ...interpreter, id: 'here', kind: 'mediator', centre: 'kundulun' },
        { ...interpreter, id: 'elsewhere', kind: 'arbitrator', centre: 'qingshan' },
      ],
    });
    const roster = rosterForCentre(duty, 'kundulun');
    expect(roster.sample).toBe(true);
    expect(roster.people.map((p) => p.id)).toEqual(['everywhere', 'here']);
    expect(rosterSchema.safeParse(roster).success).toBe(true);
  });

  it('rejects hostile rosters', () => {
    const bad = (patch: object) =>
      rosterSchema.safeParse({ version: 1, people: [{ ...interpreter, ...patch }] }).success;
    expect(bad({})).toBe(true);
    expect(bad({ kind: 'plumber' })).toBe(false);
    expect(bad({ weekly: [{ day: 8, from: '09:00', to: '10:00' }] })).toBe(false);
    expect(bad({ weekly: [{ day: 1, from: '9:00', to: '10:00' }] })).toBe(false);
    expect(bad({ exceptions: [{ date: '2026-11-30', slots: [{ from: '12:00', to: '11:00' }] }] })).toBe(
      false,
    );
    expect(bad({ name: 'x'.repeat(61) })).toBe(false);
    expect(bad({ id: '../etc' })).toBe(false);
  });
});
