import fs from 'node:fs';
import { ITEM_KINDS, type ItemKind } from '../common/sync/protocol';
import { fail, parseCli } from './cli_args';
import { type PreparedItem, prepareItem } from './publish';
import { openHubStore } from './storage/open_hub_store';

/**
 * `npm run hub:publish -- --data DIR [--kind template|directory|content|fee_rules|audio_pack|sign_pack]
 *   [--id ID --version V] FILE…` publishes new versions. Every file is validated first; if one is
 * refused, nothing is published and the reason is printed. Published versions are immutable: the same
 * version with other content is refused.
 */
const { values, positionals, dataDir, db } = parseCli(
  process.argv.slice(2),
  { kind: { type: 'string' }, id: { type: 'string' }, version: { type: 'string' } },
  'npm run hub:publish -- --data DIR [--db URL] [--kind KIND] [--id ID --version V] FILE…',
);
const kind = (values.kind ?? 'template') as ItemKind;
if (!ITEM_KINDS.includes(kind)) fail(`--kind must be one of ${ITEM_KINDS.join(', ')}`, 2);
if (positionals.length === 0) fail('Name at least one FILE to publish.', 2);

const prepared: PreparedItem[] = [];
for (const file of positionals) {
  let body: Buffer;
  try {
    body = fs.readFileSync(file);
  } catch {
    fail(`${file}: cannot be read`);
  }
  const item = prepareItem({ kind, body, id: values.id, version: values.version });
  if (!item.ok) fail(`${file}: refused: ${item.error}`);
  prepared.push(item.value);
}

const store = await openHubStore({ dataDir, db });
const publishedAt = new Date().toISOString();
let refused = false;
for (const item of prepared) {
  const outcome = await store.publish({ ...item, publishedAt });
  const name = `${item.kind} ${item.id}@${item.version}`;
  if (outcome === 'version_exists_with_other_content') {
    refused = true;
    process.stderr.write(
      `${name}: refused: this version is already published with other content; publish a new version\n`,
    );
  } else {
    process.stdout.write(
      `${name}: ${outcome === 'published' ? 'published' : 'already published'} (sha256 ${item.sha256})\n`,
    );
  }
}
await store.close();
process.exit(refused ? 1 : 0);
