import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { formatToken } from '../common/sync/token_format';
import type { HubStore } from './storage/hub_store';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The name visitors see when a staff member answers their call (recorded when the token is issued). */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((value) => ![...value].some((char) => char < ' ' || char === '\u007f'), 'no control characters');

export interface IssuedToken {
  tokenId: string;
  /** Shown once; the hub keeps only its hash. */
  token: string;
}

/**
 * What a token may do. A terminal writes its own submissions for its centre. A staff token serves its
 * centres (null: every centre, the province-wide pool) and carries the name visitors see in a call, recorded
 * here by the administrator, never chosen by the client.
 */
export type TokenGrant =
  | { role: 'terminal'; terminalId: string; centre: string | null }
  | { role: 'staff' | 'admin'; centres: readonly string[] | null; name?: string | null };

/** Creates a bearer token for a terminal, staff member or administrator. */
export async function issueToken(store: HubStore, grant: TokenGrant, now: Date): Promise<IssuedToken> {
  const token = formatToken(store.hubId, randomBytes(32).toString('base64url'));
  const tokenId = `tok-${randomBytes(6).toString('hex')}`;
  await store.addToken({
    tokenId,
    hash: hashToken(token),
    role: grant.role,
    terminalId: grant.role === 'terminal' ? grant.terminalId : null,
    centres:
      grant.role === 'terminal'
        ? grant.centre === null
          ? null
          : [grant.centre]
        : grant.centres === null
          ? null
          : [...new Set(grant.centres)],
    name: grant.role === 'terminal' ? null : (grant.name ?? null),
    createdAt: now.toISOString(),
    revokedAt: null,
  });
  return { tokenId, token };
}

/** The bearer token of a request, or null. Only the `Bearer` scheme with a short token is read. */
export function bearerToken(header: string | undefined): string | null {
  if (!header || header.length > 600) return null;
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header);
  return match ? match[1]! : null;
}

/**
 * The token of a request: `Authorization: Bearer <token>`, or Basic with the token as password (so a
 * browser can open the desk and fleet pages with its own login prompt).
 */
export function requestToken(header: string | undefined): string | null {
  const bearer = bearerToken(header);
  if (bearer || !header || header.length > 800) return bearer;
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return /^[\x21-\x7e]{1,600}$/.test(password) ? password : null;
}
