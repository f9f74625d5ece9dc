import fs from 'node:fs';
import { DEFAULT_CODE_HOURS } from '../common/provisioning/enrollment';
import { fail, parseCli } from './cli_args';
import { createEnrollmentCode } from './enrollment/create_code';
import { openHubStore } from './storage/open_hub_store';

/**
 * `npm run hub:enroll-code -- --data DIR --terminal ID --template FILE [--hours 24]`: prints a one-time
 * 12-digit enrollment code (once, on stdout). The template is a provisioning file without `terminalId`,
 * `hubUrl` and `hubToken`; a new terminal redeems the code with `npm run provision` and gets all three.
 */
const USAGE = 'npm run hub:enroll-code -- --data DIR [--db URL] --terminal ID --template FILE [--hours 24]';
const { values, dataDir, db } = parseCli(
  process.argv.slice(2),
  { terminal: { type: 'string' }, template: { type: 'string' }, hours: { type: 'string' } },
  USAGE,
);
if (!values.terminal || !values.template) fail(`--terminal and --template are required\nUsage: ${USAGE}`, 2);
let template: unknown;
try {
  const stat = fs.statSync(values.template);
  if (stat.size > 64 * 1024) fail('The template file is too large (more than 64 KB).', 2);
  template = JSON.parse(fs.readFileSync(values.template, 'utf8'));
} catch (error) {
  if (error instanceof SyntaxError) fail('The template file is not valid JSON.', 2);
  fail(`The template file cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 2);
}
const hours = values.hours === undefined ? DEFAULT_CODE_HOURS : Number(values.hours);

const store = await openHubStore({ dataDir, db });
const created = await createEnrollmentCode(
  store,
  { terminalId: values.terminal, template, hours },
  new Date(),
);
await store.close();
if (!created.ok) {
  const where = created.error.field === 'hours' ? '--hours' : created.error.field;
  fail(`Refused: ${where.replace(/^terminalId$/, '--terminal')}: ${created.error.message}`, 2);
}
process.stdout.write(`${created.value.code}\n`);
process.stderr.write(
  `One-time code for terminal ${created.value.terminalId} (code id ${created.value.codeId}), valid until ${created.value.expiresAt}. It is shown only now.\n`,
);
