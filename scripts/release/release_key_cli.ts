import { parseArgs } from 'node:util';
import { createReleaseKey } from './release_key';

/**
 * `npm run release:key -- --out DIR`: creates the Ed25519 release key on the release machine
 * (`DIR/release-key.pem`, owner-only; never overwritten) and prints its public key for the organisation
 * profile (`updates.publicKeys`). Back the key up offline: a lost key means a new build for every terminal.
 */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { out: { type: 'string' } },
  strict: true,
});
if (!values.out) {
  process.stderr.write('usage: npm run release:key -- --out DIR\n');
  process.exit(2);
}
const created = createReleaseKey(values.out);
if (!created.ok) {
  process.stderr.write(`release:key refused: ${created.error}\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ event: 'created', file: created.value.file, keyId: created.value.keyId, publicKey: created.value.publicKeyBase64 })}\n`,
);
process.stderr.write(
  `Add "${created.value.publicKeyBase64}" to updates.publicKeys in the organisation profile.\n`,
);
