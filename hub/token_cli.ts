import { identifierSchema } from '../common/sync/protocol';
import { fail, parseCli } from './cli_args';
import { openHubStore } from './storage/open_hub_store';
import { displayNameSchema, issueToken } from './tokens';

/**
 * `npm run hub:token -- --data DIR [--db URL] --role staff|admin [--centre A,B] [--name NAME]`: prints a
 * staff or admin token once. A staff token with `--centre` lists those centres only on the desk and answers
 * video calls of their kiosks only; without, it serves every centre (the province-wide pool). `--name` is the
 * name visitors see when it answers a call (required to take calls).
 * `--revoke TOKEN_ID` revokes a token (its open sockets close at once); `--list` shows token ids, roles,
 * centres and state (never the tokens).
 */
const { values, dataDir, db } = parseCli(
  process.argv.slice(2),
  {
    role: { type: 'string' },
    centre: { type: 'string' },
    name: { type: 'string' },
    revoke: { type: 'string' },
    list: { type: 'boolean' },
  },
  'npm run hub:token -- --data DIR [--db URL] (--role staff|admin [--centre A,B] [--name NAME] | --revoke TOKEN_ID | --list)',
);
const store = await openHubStore({ dataDir, db });
const now = new Date();
if (values.list) {
  for (const token of await store.listTokens()) {
    const who = token.terminalId ?? token.centres?.join(',') ?? '*';
    process.stdout.write(
      `${token.tokenId}\t${token.role}\t${who}\t${token.revokedAt ? `revoked ${token.revokedAt}` : 'live'}\n`,
    );
  }
} else if (values.revoke !== undefined) {
  if (!(await store.revokeToken(values.revoke, now.toISOString())))
    fail(`No live token with id ${values.revoke}.`);
  process.stdout.write(`Revoked ${values.revoke}.\n`);
} else {
  if (values.role !== 'staff' && values.role !== 'admin') fail('--role must be staff or admin', 2);
  const centres = values.centre === undefined ? null : values.centre.split(',').map((c) => c.trim());
  if (centres && !centres.every((centre) => identifierSchema.safeParse(centre).success))
    fail('--centre must be identifiers separated by commas', 2);
  const name = values.name === undefined ? null : displayNameSchema.safeParse(values.name);
  if (name && !name.success) fail('--name must be 1–60 characters without control characters', 2);
  const issued = await issueToken(store, { role: values.role, centres, name: name?.data ?? null }, now);
  process.stdout.write(`${issued.token}\n`);
  process.stderr.write(`Token ${issued.tokenId} (${values.role}) created. It is shown only now.\n`);
}
await store.close();
