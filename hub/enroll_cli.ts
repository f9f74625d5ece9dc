import { identifierSchema } from '../common/sync/protocol';
import { fail, parseCli } from './cli_args';
import { openSqliteHubStore } from './storage/sqlite_hub_store';
import { issueToken } from './tokens';

/**
 * `npm run hub:enroll -- --data DIR --terminal ID [--centre CENTRE]`: prints the terminal's token once
 * (put it in the kiosk's provisioning file as `hubToken`). Enrolling again replaces the old token.
 * `--revoke` revokes every token of the terminal instead.
 */
const { values, dataDir } = parseCli(
  process.argv.slice(2),
  { terminal: { type: 'string' }, centre: { type: 'string' }, revoke: { type: 'boolean' } },
  'npm run hub:enroll -- --data DIR --terminal ID [--centre CENTRE] [--revoke]',
);
const terminal = identifierSchema.safeParse(values.terminal);
if (!terminal.success) fail('--terminal ID is required (letters, digits, dot, dash, underscore)', 2);
const centre = values.centre === undefined ? null : identifierSchema.safeParse(values.centre);
if (centre && !centre.success)
  fail('--centre must be an identifier (letters, digits, dot, dash, underscore)', 2);

const store = openSqliteHubStore(dataDir);
const now = new Date();
const revoked = store.revokeTerminal(terminal.data, now.toISOString());
if (values.revoke) {
  process.stdout.write(`Revoked ${revoked} token(s) of terminal ${terminal.data}.\n`);
} else {
  const issued = issueToken(
    store,
    { role: 'terminal', terminalId: terminal.data, centre: centre?.data ?? null },
    now,
  );
  process.stdout.write(`${issued.token}\n`);
  process.stderr.write(
    `Terminal ${terminal.data} enrolled (token id ${issued.tokenId}${revoked ? `, ${revoked} older token(s) revoked` : ''}). The token is shown only now.\n`,
  );
}
store.close();
