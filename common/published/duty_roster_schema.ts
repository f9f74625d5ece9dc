import { z } from 'zod';
import { dataIdSchema } from '../content/localized_text';
import { type Roster, rosterPersonSchema } from '../video/roster';

/** One person on duty: the roster person, plus the centre they serve (absent: every centre, e.g. by video). */
export const dutyPersonSchema = rosterPersonSchema.extend({ centre: dataIdSchema.optional() }).strict();

/**
 * Who is on duty for each call kind and centre, by date and time (`hub:publish --kind duty_roster`).
 * `sample: true` marks demo data; the call screen then says 示例数据 beside every time it shows.
 */
export const dutyRosterSchema = z
  .object({
    format: z.literal('kiosk.duty_roster'),
    formatVersion: z.literal(1),
    id: dataIdSchema,
    version: z.string().min(1).max(64),
    sample: z.boolean(),
    people: z.array(dutyPersonSchema).max(2_000),
  })
  .strict();
export type DutyRoster = z.infer<typeof dutyRosterSchema>;

/** The part of the published roster a terminal of `centreId` shows: its centre's people and the city-wide ones. */
export function rosterForCentre(duty: DutyRoster, centreId: string): Roster {
  return {
    version: 1,
    ...(duty.sample ? { sample: true } : {}),
    people: duty.people
      .filter((person) => person.centre === undefined || person.centre === centreId)
      .map(({ centre: _centre, ...person }) => person),
  };
}
