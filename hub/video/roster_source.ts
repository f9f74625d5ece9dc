import fs from 'node:fs';
import path from 'node:path';
import { type Roster, rosterSchema } from '../../common/video/roster';
import type { Logger } from '../../node_shared/logger';
import { projectRoot } from '../../node_shared/project_root';
import type { HubStore } from '../storage/hub_store';

const SAMPLE = path.join(projectRoot(import.meta.dirname), 'assets/video/roster.sample.json');
/** How often each hub process looks for a roster the centres published (`npm run hub:roster`). */
export const ROSTER_REFRESH_MS = 5_000;

/** Parses a roster file's text; null when it is not JSON or not a valid roster. */
export function parseRoster(text: string): Roster | null {
  try {
    const parsed = rosterSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface RosterSource {
  current(): Roster;
  stop(): void;
}

/**
 * The duty roster the hub sends kiosks with every presence: the one published to the store (shared by every
 * hub process, re-read every few seconds), else the bundled sample (labelled 示例数据). A roster file left in
 * `<data>/video/roster.json` by a hub of before is published once when the store has none.
 */
export function rosterSource(store: HubStore, dataDir: string | undefined, logger: Logger): RosterSource {
  let roster = parseRoster(fs.readFileSync(SAMPLE, 'utf8'))!;
  let seen: string | null = null;
  const legacy = dataDir ? path.join(dataDir, 'video/roster.json') : null;
  const refresh = async () => {
    let stored = await store.roster();
    if (!stored && legacy && fs.existsSync(legacy)) {
      const text = fs.readFileSync(legacy, 'utf8');
      if (parseRoster(text)) await store.setRoster(text, new Date().toISOString());
      stored = await store.roster();
    }
    if (!stored || stored.updatedAt === seen) return;
    seen = stored.updatedAt;
    roster = parseRoster(stored.body) ?? roster;
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
