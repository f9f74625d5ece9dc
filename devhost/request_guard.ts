import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type GuardVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

/**
 * Loopback-only guard of the dev host: the Host must be this server's loopback address (defeats DNS
 * rebinding), a cross-site Origin is refused, and RPC calls must carry the per-run token.
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!headers.host || !allowedHosts.has(headers.host)) {
    return { allowed: false, status: 403, reason: 'host not allowed' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    return { allowed: false, status: 403, reason: 'origin not allowed' };
  }
  return { allowed: true };
}

export function checkToken(headers: IncomingHttpHeaders, token: string): GuardVerdict {
  const header = headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    return { allowed: false, status: 401, reason: 'missing or wrong token' };
  }
  return { allowed: true };
}

export function newRunToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
