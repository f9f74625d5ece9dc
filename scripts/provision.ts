import path from 'node:path';
import { parseArgs } from 'node:util';
import { provisionFromCode } from '../core/config/redeem_enrollment';
import { loadOrganisationProfile } from '../node_shared/organisation_profile_file';

/**
 * `npm run provision -- --hub URL --code 1234-5678-9012 --out FILE [--force] [--profile FILE]`: sets up a
 * new terminal from a one-time enrollment code (`npm run hub:enroll-code` on the hub), only with a hub of
 * the organisation profile (default: the one the build ships, `assets/organisation_profile.json`). Writes the
 * provisioning file the app starts with (`KIOSK_CONFIG`). Exit 0: written; 1: refused or failed; 2: usage.
 */
const USAGE = 'npm run provision -- --hub URL --code CODE --out FILE [--force] [--profile FILE]';

const MESSAGES: Record<string, string> = {
  hub_not_in_profile:
    '--hub must be one of the hubs of the organisation profile (same https address and port).',
  hub_identity_mismatch: 'The hub identity does not match the organisation profile: nothing was sent.',
  bad_code: 'The code has 12 digits (groups of four may be separated by dashes or spaces).',
  exists: 'The provisioning file already exists; add --force to replace it.',
  unreachable: 'The hub cannot be reached at that address.',
  not_a_hub: 'That address did not answer like a kiosk hub.',
  write_failed: 'The provisioning file could not be written.',
  unknown_code: 'The hub does not know this code: check the digits.',
  code_used: 'This code was already used; ask the administrator for a new one.',
  code_expired: 'This code has expired; ask the administrator for a new one.',
};

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

let values: { hub?: string; code?: string; out?: string; force?: boolean; profile?: string };
try {
  values = parseArgs({
    args: process.argv.slice(2),
    options: {
      hub: { type: 'string' },
      code: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      profile: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
if (!values.hub || !values.code || !values.out) usage('--hub, --code and --out are required');
const profile = loadOrganisationProfile(
  values.profile ?? path.join(import.meta.dirname, '..', 'assets', 'organisation_profile.json'),
);
if (!profile.ok) {
  process.stderr.write(
    `The organisation profile is unusable: ${profile.error.field} ${profile.error.message}\n`,
  );
  process.exit(1);
}

const outcome = await provisionFromCode({
  hubUrl: values.hub,
  code: values.code,
  outFile: values.out,
  profile: profile.value,
  overwrite: values.force === true,
});
if (!outcome.ok) {
  const problem = outcome.error;
  const message =
    problem.kind === 'invalid_config'
      ? `The hub's provisioning is invalid at ${problem.field}: ${problem.message}`
      : problem.kind === 'rate_limited'
        ? `Too many wrong codes from this address; try again in ${problem.retryAfterSeconds} s.`
        : problem.kind === 'forbidden_fields'
          ? `Refused: the hub's answer tries to set ${problem.fields.join(', ')}, which an enrollment may not set. Nothing was written.`
          : MESSAGES[problem.kind];
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
const { config, file } = outcome.value;
process.stdout.write(
  `Terminal ${config.terminalId} (${config.centre.name}) provisioned: ${file}. Start the app with KIOSK_CONFIG=${file}.\n`,
);
// The code is spent; say which one without repeating it in full.
process.stderr.write(`Code ending ${values.code.replace(/\D/g, '').slice(-4)} redeemed.\n`);
