import { dutyRosterSchema, rosterForCentre } from '../../common/published/duty_roster_schema';
import type { Roster } from '../../common/video/roster';
import type { HubStore } from '../storage/hub_store';

const NO_ROSTER: Roster = { version: 1, people: [] };

/**
 * The roster in the hub's presence messages: the newest published `duty_roster`, every centre's people (each
 * kiosk narrows it to its own centre from the copy it downloaded). Nothing published: nobody, so no times.
 * Parsed again only when a new version is published.
 */
export function publishedRoster(store: HubStore): () => Roster {
  let cached: { sha256: string; roster: Roster } | null = null;
  return () => {
    const listed = store.manifest().find((item) => item.kind === 'duty_roster');
    if (!listed) return NO_ROSTER;
    if (cached?.sha256 !== listed.sha256) {
      const body = store.item(listed.kind, listed.id, listed.version)?.body;
      // Publishing checked the file against this schema; a failure here is a corrupted store.
      const duty = dutyRosterSchema.parse(JSON.parse(body?.toString('utf8') ?? 'null'));
      const everyone = { ...duty, people: duty.people.map(({ centre: _centre, ...person }) => person) };
      cached = { sha256: listed.sha256, roster: rosterForCentre(everyone, '') };
    }
    return cached.roster;
  };
}
