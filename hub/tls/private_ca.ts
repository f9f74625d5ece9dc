import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import { spkiPinOf } from '../../node_shared/hub_tls';

/**
 * A centre's private certificate authority for its hub's LAN address, made with `openssl` (argument arrays,
 * never a shell). The CA key signs server certificates and nothing else; keep it off the hub. Terminals pin
 * the CA (its certificate and the SHA-256 of its public key) through the organisation profile, so a server
 * certificate can be renewed without a new build, while a certificate from any other CA is refused.
 */
export interface CaFiles {
  certificate: string;
  key: string;
}

export interface ServerFiles {
  /** The server certificate followed by the CA certificate (the chain the hub sends). */
  chain: string;
  key: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9 .-]{0,62}$/;
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function caFilesIn(dir: string): CaFiles {
  return { certificate: path.join(dir, 'ca.pem'), key: path.join(dir, 'ca.key') };
}

function openssl(args: string[]): Result<void, string> {
  try {
    execFileSync('openssl', args, { timeout: 60_000, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    return ok(undefined);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return err(stderr.trim().split('\n').at(-1) || 'openssl failed');
  }
}

/** A new P-256 key in `keyFile` and its certificate in `certFile`: self-signed, or signed by `-CA` in `extra`. */
function newCertificate(
  keyFile: string,
  certFile: string,
  days: number,
  subject: string,
  extra: readonly string[],
): Result<void, string> {
  return openssl([
    'req',
    '-x509',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    String(days),
    '-subj',
    subject,
    ...extra,
  ]);
}

/** Creates the CA in `dir` (never over an existing one: the pin of every terminal depends on it). */
export function createCa(dir: string, name: string, days = 3650): Result<CaFiles, string> {
  if (!NAME.test(name)) return err('the CA name may use letters, digits, spaces, dots and dashes');
  const files = caFilesIn(dir);
  if (fs.existsSync(files.key)) return err(`${files.key} exists: a new CA would orphan every terminal`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = newCertificate(files.key, files.certificate, days, `/CN=${name} hub CA`, [
    '-addext',
    'basicConstraints=critical,CA:TRUE,pathlen:0',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  if (!made.ok) return made;
  fs.chmodSync(files.key, 0o600);
  return ok(files);
}

/** Issues the hub's server certificate for its host names and IP addresses, signed by the CA. */
export function issueServerCertificate(
  ca: CaFiles,
  outDir: string,
  names: { hosts: readonly string[]; ips: readonly string[] },
  days = 825,
): Result<ServerFiles, string> {
  const bad = names.hosts.find((host) => !HOST.test(host)) ?? names.ips.find((ip) => net.isIP(ip) === 0);
  if (bad !== undefined) return err(`not a host name or IP address: ${bad}`);
  if (names.hosts.length + names.ips.length === 0) return err('give at least one --host or --ip');
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const key = path.join(outDir, 'hub.key');
  const leaf = path.join(outDir, 'hub-leaf.pem');
  const altNames = [...names.hosts.map((h) => `DNS:${h}`), ...names.ips.map((ip) => `IP:${ip}`)].join(',');
  const made = newCertificate(key, leaf, days, `/CN=${names.hosts[0] ?? names.ips[0]}`, [
    '-CA',
    ca.certificate,
    '-CAkey',
    ca.key,
    '-set_serial',
    `0x${randomBytes(16).toString('hex')}`,
    '-addext',
    `subjectAltName=${altNames}`,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'keyUsage=critical,digitalSignature',
    '-addext',
    'extendedKeyUsage=serverAuth',
  ]);
  if (!made.ok) return made;
  fs.chmodSync(key, 0o600);
  const chain = path.join(outDir, 'hub.pem');
  fs.writeFileSync(chain, fs.readFileSync(leaf, 'utf8') + fs.readFileSync(ca.certificate, 'utf8'));
  fs.rmSync(leaf);
  return ok({ chain, key });
}

/** What goes into the organisation profile for this hub. */
export function profileEntry(
  url: string,
  ca: CaFiles,
): { url: string; caCertificates: string[]; spkiPins: string[] } {
  const certificate = fs.readFileSync(ca.certificate, 'utf8');
  return { url, caCertificates: [certificate], spkiPins: [spkiPinOf(certificate)] };
}
