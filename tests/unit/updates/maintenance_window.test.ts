import { describe, expect, it } from 'vitest';
import {
  isInsideWindow,
  localMinuteOfDay,
  maintenanceWindowSchema,
} from '../../../common/updates/maintenance_window';

const at = (h: number, m: number) => localMinuteOfDay(new Date(2026, 2, 29, h, m, 30));

describe('maintenance window', () => {
  const night = { start: '02:00', end: '05:00' };
  const overMidnight = { start: '23:30', end: '01:15' };

  it('is open from start (inclusive) to end (exclusive), in local time', () => {
    expect(isInsideWindow(night, at(1, 59))).toBe(false);
    expect(isInsideWindow(night, at(2, 0))).toBe(true);
    expect(isInsideWindow(night, at(4, 59))).toBe(true);
    expect(isInsideWindow(night, at(5, 0))).toBe(false);
    expect(isInsideWindow(night, at(14, 0))).toBe(false);
  });

  it('handles a window that crosses midnight', () => {
    expect(isInsideWindow(overMidnight, at(23, 29))).toBe(false);
    expect(isInsideWindow(overMidnight, at(23, 30))).toBe(true);
    expect(isInsideWindow(overMidnight, at(0, 0))).toBe(true);
    expect(isInsideWindow(overMidnight, at(1, 14))).toBe(true);
    expect(isInsideWindow(overMidnight, at(1, 15))).toBe(false);
    expect(isInsideWindow(overMidnight, at(12, 0))).toBe(false);
  });

  it('uses the wall clock of the terminal, not UTC', () => {
    const local3am = new Date(2026, 5, 1, 3, 0);
    expect(localMinuteOfDay(local3am)).toBe(180);
  });

  it('refuses malformed and empty windows, naming the field', () => {
    for (const bad of [
      { start: '2:00', end: '05:00' },
      { start: '24:00', end: '05:00' },
      { start: '02:60', end: '05:00' },
      { start: '$(reboot)', end: '05:00' },
      { start: '02:00', end: 5 },
      { start: '02:00', end: '02:00' },
    ]) {
      const parsed = maintenanceWindowSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(['start', 'end']).toContain(String(parsed.error?.issues[0]?.path[0]));
    }
  });
});
