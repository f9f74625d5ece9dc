import { z } from 'zod';
import { err, ok, type Result } from '../result';

/**
 * Where a hub may be: `https://` anywhere, plain `http://` only on this machine (a hub or TLS proxy on the
 * terminal itself, or the dev host's own hub). Anything else would carry tokens and applications in clear.
 */
const LOOPBACK_HOSTS = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

export type HubUrlProblem = 'not_a_url' | 'not_https' | 'has_extras';

/** A hub base URL: https (or http on loopback), no user, password, path, query or fragment. */
export function parseHubUrl(candidate: string): Result<URL, HubUrlProblem> {
  if (candidate.length > 2048 || /\s/.test(candidate)) return err('not_a_url');
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return err('not_a_url');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    return err('not_https');
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/')
    return err('has_extras');
  return ok(url);
}

/** True when the URL is plain http on loopback (no TLS, so no certificate to pin). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:';
}

export const HUB_URL_RULE =
  'an https:// address without path, user or query (http:// only on this machine: 127.0.0.1 or localhost)';

export const hubUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => parseHubUrl(value).ok, HUB_URL_RULE);

/** The one spelling of a hub address (`https://hub.lan:8787`) used to compare it with the profile. */
export function hubOrigin(url: string): string | null {
  const parsed = parseHubUrl(url);
  return parsed.ok ? parsed.value.origin : null;
}
