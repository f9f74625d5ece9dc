import { identifierSchema } from '../common/sync/protocol';
import { fail, parseCli } from './cli_args';
import { openSqliteHubStore } from './storage/sqlite_hub_store';
import { issueToken } from './tokens';

/**
 * `npm run hub:token -- --data DIR --role staff|admin [--centre CENTRE]`: prints a staff or admin token
 * once (a staff token with `--centre` lists that centre only).
 * `--revoke TOKEN_ID` revokes a token; `--list` shows token ids, roles and state (never the tokens).
 */
const { values, dataDir } = parseCli(
  process.argv.slice(2),
  {
    role: { type: 'string' },
    centre: { type: 'string' },
    revoke: { type: 'string' },
    list: { type: 'boolean' },
  },
  'npm run hub:token -- --data DIR (--role staff|admin [--centre CENTRE] | --revoke TOKEN_ID | --list)',
);
const store = openSqliteHubStore(dataDir);
const now = new Date();
if (values.list) {
  for (const token of store.listTokens()) {
    const who = token.terminalId ?? token.centre ?? '*';
    process.stdout.write(
      `${token.tokenId}\t${token.role}\t${who}\t${token.revokedAt ? `revoked ${token.revokedAt}` : 'live'}\n`,
    );
  }
} else if (values.revoke !== undefined) {
  if (!store.revokeToken(values.revoke, now.toISOString())) fail(`No live token with id ${values.revoke}.`);
  process.stdout.write(`Revoked ${values.revoke}.\n`);
} else {
  if (values.role !== 'staff' && values.role !== 'admin') fail('--role must be staff or admin', 2);
  const centre = values.centre === undefined ? null : identifierSchema.safeParse(values.centre);
  if (centre && !centre.success) fail('--centre must be an identifier', 2);
  const issued = issueToken(
    store,
    { role: values.role, terminalId: null, centre: centre?.data ?? null },
    now,
  );
  process.stdout.write(`${issued.token}\n`);
  process.stderr.write(`Token ${issued.tokenId} (${values.role}) created. It is shown only now.\n`);
}
store.close();
