import fs from 'node:fs';
import path from 'node:path';
import { dutyRosterSchema, rosterForCentre } from '../../common/published/duty_roster_schema';
import { type Roster, rosterSchema } from '../../common/video/roster';
import type { Logger } from '../../node_shared/logger';
import type { HubStore } from '../storage/hub_store';

/** How often each hub process looks for a roster the centres published. */
export const ROSTER_REFRESH_MS = 5_000;

const NO_ROSTER: Roster = { version: 1, people: [] };

/** Parses a roster file's text (the `hub:roster` format); null when it is not JSON or not a valid roster. */
export function parseRoster(text: string): Roster | null {
  try {
    const parsed = rosterSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A published `duty_roster` file as one roster of every centre's people; null when it does not parse. */
function everyCentre(body: Buffer): Roster | null {
  try {
    const duty = dutyRosterSchema.safeParse(JSON.parse(body.toString('utf8')));
    if (!duty.success) return null;
    const people = duty.data.people.map(({ centre: _centre, ...person }) => person);
    return rosterForCentre({ ...duty.data, people }, '');
  } catch {
    return null;
  }
}

export interface RosterSource {
  current(): Roster;
  stop(): void;
}

/**
 * The duty roster the hub sends with every presence (each kiosk narrows it to its own centre from the copy it
 * downloaded): the newest `duty_roster` published with `hub:publish`, else one set with `hub:roster`, else
 * nobody (no invented times). Shared by every hub process through the store, re-read every few seconds. A
 * roster file left in `<data>/video/roster.json` by a hub of before is set once when the store has none.
 */
export function rosterSource(store: HubStore, dataDir: string | undefined, logger: Logger): RosterSource {
  let roster = NO_ROSTER;
  const legacy = dataDir ? path.join(dataDir, 'video/roster.json') : null;
  const refresh = async () => {
    const listed = (await store.manifest()).find((item) => item.kind === 'duty_roster');
    const published = listed ? await store.item(listed.kind, listed.id, listed.version) : null;
    let stored = published ? null : await store.roster();
    if (!published && !stored && legacy && fs.existsSync(legacy)) {
      const text = fs.readFileSync(legacy, 'utf8');
      if (parseRoster(text)) await store.setRoster(text, new Date().toISOString());
      stored = await store.roster();
    }
    roster =
      (published ? everyCentre(published.body) : null) ??
      (stored ? parseRoster(stored.body) : null) ??
      NO_ROSTER;
  };
  const run = () =>
    void refresh().catch((error: unknown) =>
      logger.error('hub.roster_failed', { error: error instanceof Error ? error.name : 'unknown' }),
    );
  run();
  const timer = setInterval(run, ROSTER_REFRESH_MS);
  timer.unref();
  return { current: () => roster, stop: () => clearInterval(timer) };
}
