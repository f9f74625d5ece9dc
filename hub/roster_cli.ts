import fs from 'node:fs';
import { fail, parseCli } from './cli_args';
import { openHubStore } from './storage/open_hub_store';
import { parseRoster } from './video/roster_source';

/**
 * `npm run hub:roster -- --data DIR [--db URL] FILE`: publishes the duty roster of the video desk (the format of
 * `assets/video/roster.sample.json`) to every hub process on this store; they pick it up within 5 seconds.
 */
const { positionals, dataDir, db } = parseCli(
  process.argv.slice(2),
  {},
  'npm run hub:roster -- --data DIR [--db URL] FILE',
);
const [file] = positionals;
if (!file || positionals.length > 1) fail('Name one roster FILE.', 2);
let text: string;
try {
  if (fs.statSync(file).size > 1024 * 1024) fail('The roster file is larger than 1 MB.', 2);
  text = fs.readFileSync(file, 'utf8');
} catch {
  fail(`${file}: cannot be read`, 2);
}
const roster = parseRoster(text);
if (!roster) fail(`${file}: refused: not a valid roster (see assets/video/roster.sample.json)`);
const store = await openHubStore({ dataDir, db });
await store.setRoster(JSON.stringify(roster), new Date().toISOString());
await store.close();
process.stdout.write(`Roster published: ${roster.people.length} people.\n`);
