import { createHash, randomBytes } from 'node:crypto';
import { formatToken } from '../common/sync/token_format';
import type { HubStore, Role } from './storage/hub_store';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedToken {
  tokenId: string;
  /** Shown once; the hub keeps only its hash. */
  token: string;
}

/** Creates a bearer token for a terminal, staff member or administrator. */
export function issueToken(
  store: HubStore,
  grant: { role: Role; terminalId: string | null; centre: string | null },
  now: Date,
): IssuedToken {
  const token = formatToken(store.hubId, randomBytes(32).toString('base64url'));
  const tokenId = `tok-${randomBytes(6).toString('hex')}`;
  store.addToken({
    tokenId,
    hash: hashToken(token),
    role: grant.role,
    terminalId: grant.terminalId,
    centre: grant.centre,
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
