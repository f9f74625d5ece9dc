import { z } from 'zod';

const clockSchema = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time such as 02:00');

/** When a terminal may install an update, in the terminal's local wall-clock time. */
export const maintenanceWindowSchema = z
  .object({ start: clockSchema, end: clockSchema })
  .strict()
  .refine((w) => w.start !== w.end, { message: 'start and end must differ', path: ['end'] });
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const DEFAULT_MAINTENANCE_WINDOW: MaintenanceWindow = { start: '02:00', end: '05:00' };

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * Whether a local time of day (minutes since local midnight) is inside the window: start inclusive, end
 * exclusive. A window whose end is earlier than its start crosses midnight (23:00–01:00). Working on the
 * wall-clock minute means a DST shift simply moves the window with the clock, as a technician expects.
 */
export function isInsideWindow(window: MaintenanceWindow, minuteOfDay: number): boolean {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start < end) return minuteOfDay >= start && minuteOfDay < end;
  return minuteOfDay >= start || minuteOfDay < end;
}

export function localMinuteOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes();
}
