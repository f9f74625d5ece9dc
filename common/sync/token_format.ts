/**
 * Hub bearer tokens look like `kh1.<hubId>.<secret>`: the kiosk reads the hub id out of its own token,
 * so its health probe can tell its hub from anything else answering on that address, with no extra
 * provisioning field. The hub id is 16 hex digits; the secret is 32 random bytes in base64url (43
 * characters). The hub stores only the token's SHA-256.
 */
const TOKEN_PATTERN = /^kh1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

export const HUB_ID_PATTERN = /^[0-9a-f]{16}$/;

export function hubIdOfToken(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

export function formatToken(hubId: string, secret: string): string {
  return `kh1.${hubId}.${secret}`;
}
