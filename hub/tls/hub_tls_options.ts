import fs from 'node:fs';
import tls from 'node:tls';
import { err, ok, type Result } from '../../common/result';
import { isLoopbackHost } from '../../common/trust/hub_url';

/** The hub's certificate chain and private key (PEM), as `--cert` and `--key` name them. */
export interface HubTlsFiles {
  cert: Buffer;
  key: Buffer;
}

const MAX_PEM_BYTES = 64 * 1024;

/** Reads `--cert`/`--key` and checks that they load and belong together before the hub listens. */
export function loadHubTls(certFile: string, keyFile: string): Result<HubTlsFiles, string> {
  let cert: Buffer;
  let key: Buffer;
  try {
    for (const file of [certFile, keyFile])
      if (fs.statSync(file).size > MAX_PEM_BYTES) return err(`${file} is too large for a PEM file`);
    cert = fs.readFileSync(certFile);
    key = fs.readFileSync(keyFile);
  } catch (error) {
    return err(`cannot read the certificate or key: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    tls.createSecureContext({ cert, key });
  } catch (error) {
    return err(
      `the certificate and key do not load together: ${error instanceof Error ? error.message : ''}`,
    );
  }
  return ok({ cert, key });
}

/**
 * Plain HTTP only where no network sees it: on loopback, behind a TLS proxy on the same machine. Anywhere
 * else the hub needs `--cert` and `--key`, or tokens, staff logins and applications would cross in clear.
 */
export function plainHttpAllowed(host: string): boolean {
  return isLoopbackHost(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
}
