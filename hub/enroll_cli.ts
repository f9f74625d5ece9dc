import { identifierSchema } from '../common/sync/protocol';
import { fail, parseCli } from './cli_args';
import { openHubStore } from './storage/open_hub_store';
import { issueToken } from './tokens';

/**
 * `npm run hub:enroll -- --data DIR --terminal ID [--centre CENTRE]`: prints the terminal's token once
 * (put it in the kiosk's provisioning file as `hubToken`). Enrolling again replaces the old token.
 * `--revoke` revokes every token of the terminal instead.
 */
const { values, dataDir, db } = parseCli(
  process.argv.slice(2),
  { terminal: { type: 'string' }, centre: { type: 'string' }, revoke: { type: 'boolean' } },
  'npm run hub:enroll -- --data DIR [--db URL] --terminal ID [--centre CENTRE] [--revoke]',
);
const terminal = identifierSchema.safeParse(values.terminal);
if (!terminal.success) fail('--terminal ID is required (letters, digits, dot, dash, underscore)', 2);
const centre = values.centre === undefined ? null : identifierSchema.safeParse(values.centre);
if (centre && !centre.success)
  fail('--centre must be an identifier (letters, digits, dot, dash, underscore)', 2);

const store = await openHubStore({ dataDir, db });
const now = new Date();
const revoked = (await store.revokeTerminal(terminal.data, now.toISOString())).length;
if (values.revoke) {
  process.stdout.write(`Revoked ${revoked} token(s) of terminal ${terminal.data}.\n`);
} else {
  const issued = await issueToken(
    store,
    { role: 'terminal', terminalId: terminal.data, centre: centre?.data ?? null },
    now,
  );
  process.stdout.write(`${issued.token}\n`);
  process.stderr.write(
    `Terminal ${terminal.data} enrolled (token id ${issued.tokenId}${revoked ? `, ${revoked} older token(s) revoked` : ''}). The token is shown only now.\n`,
  );
}
await store.close();
