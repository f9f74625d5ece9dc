import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseHubUrl } from '../common/trust/hub_url';
import { fail } from './cli_args';
import { caFilesIn, createCa, issueServerCertificate, profileEntry } from './tls/private_ca';

/**
 * `npm run hub:cert -- --out DIR --url https://hub.example.lan:8787 [--host NAME]… [--ip ADDR]… [--name CENTRE]`
 * Creates the centre's private CA in `DIR/ca` on first use (later runs reuse it: same pin), then a server
 * certificate for the hub in `DIR/hub` (`hub.pem` with the chain, `hub.key`). Prints the hub's entry for the
 * organisation profile (CA certificate and pin) as one JSON line. Keep `DIR/ca/ca.key` off the hub.
 */
const USAGE =
  'npm run hub:cert -- --out DIR --url https://HOST:PORT [--host NAME]… [--ip ADDRESS]… [--name "Baotou centre"]';

let values: { out?: string; url?: string; host?: string[]; ip?: string[]; name?: string };
try {
  values = parseArgs({
    args: process.argv.slice(2),
    options: {
      out: { type: 'string' },
      url: { type: 'string' },
      host: { type: 'string', multiple: true },
      ip: { type: 'string', multiple: true },
      name: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\nUsage: ${USAGE}`, 2);
}
if (!values.out || !values.url) fail(`--out and --url are required\nUsage: ${USAGE}`, 2);
const url = parseHubUrl(values.url);
if (!url.ok || url.value.protocol !== 'https:')
  fail('--url must be the https:// address terminals will use', 2);
// The address in --url is always in the certificate; --host/--ip add other names (a second interface, say).
const urlHost = url.value.hostname.replace(/^\[|\]$/g, '');
const isIp = /^[\d.]+$|:/.test(urlHost);
const hosts = [...new Set([...(isIp ? [] : [urlHost]), ...(values.host ?? [])])];
const ips = [...new Set([...(isIp ? [urlHost] : []), ...(values.ip ?? [])])];

const caDir = path.join(values.out, 'ca');
const existing = caFilesIn(caDir);
const ca = fs.existsSync(existing.key)
  ? { ok: true as const, value: existing }
  : createCa(caDir, values.name ?? 'Kiosk');
if (!ca.ok) fail(`Refused: ${ca.error}`);
const server = issueServerCertificate(ca.value, path.join(values.out, 'hub'), { hosts, ips });
if (!server.ok) fail(`Refused: ${server.error}`);
const entry = profileEntry(url.value.origin, ca.value);
process.stdout.write(
  `${JSON.stringify({
    event: 'created',
    pin: entry.spkiPins[0],
    caCertificate: ca.value.certificate,
    hubCertificate: server.value.chain,
    hubKey: server.value.key,
    profileHub: entry,
  })}\n`,
);
process.stderr.write(
  `Start the hub with --cert ${server.value.chain} --key ${server.value.key}.\n` +
    `Put "profileHub" into assets/organisation_profile.json (hubs) before building. Pin: ${entry.spkiPins[0]}\n` +
    `Keep ${ca.value.key} offline: it is needed only to renew the hub's certificate.\n`,
);
