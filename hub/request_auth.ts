import type { IncomingMessage } from 'node:http';
import { compareVersions } from '../common/sync/app_version';
import { HEADER_APP_VERSION, versionSchema } from '../common/sync/protocol';
import { Refused } from './http_io';
import type { Authorizer } from './router';
import type { HubStore, Principal } from './storage/hub_store';
import { type RateLimit, TokenBuckets } from './token_bucket';
import { hashToken, requestToken } from './tokens';

/**
 * A token that does not open the hub (unknown, revoked, mistyped) may be tried this often; past that it is
 * refused unread (429) until its bucket refills. Keyed on the token presented, never on the address: a
 * terminal behind the same NAT or TLS proxy as a guesser is never slowed by the guesser's failures.
 */
export const FAILED_TOKEN_LIMIT: RateLimit = { burst: 5, perSecond: 0.2 };

export function tooMany(retryAfterMs: number): Refused {
  return new Refused(
    429,
    'rate_limited',
    {},
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  );
}

/** Limits keyed on identity: requests per token id, failures per presented token. */
export class TokenChecker {
  private readonly requests: TokenBuckets;
  private readonly failures = new TokenBuckets(FAILED_TOKEN_LIMIT);

  constructor(
    private readonly store: HubStore,
    rateLimit: RateLimit,
  ) {
    this.requests = new TokenBuckets(rateLimit);
  }

  /** The principal of a token, or a refusal: 401 when it opens nothing, 429 when it keeps failing. */
  async principal(token: string | null): Promise<Principal | Refused> {
    if (token === null) return new Refused(401, 'unauthorized');
    const hash = hashToken(token);
    const failureKey = `bad:${hash}`;
    if (this.failures.peek(failureKey, Date.now()) > 0)
      return tooMany(this.failures.peek(failureKey, Date.now()));
    const principal = await this.store.findToken(hash);
    if (!principal) {
      this.failures.take(failureKey, Date.now());
      return new Refused(401, 'unauthorized');
    }
    const limited = this.requests.take(`token:${principal.tokenId}`, Date.now());
    if (!limited.ok) return tooMany(limited.retryAfterMs);
    return principal;
  }
}

export function createAuthorizer(checker: TokenChecker, minAppVersion: string): Authorizer {
  return async (req: IncomingMessage, route) => {
    const principal = await checker.principal(requestToken(req.headers.authorization));
    if (principal instanceof Refused) {
      if (principal.status === 401 && route.loginRealm)
        throw new Refused(
          401,
          'unauthorized',
          {},
          { 'www-authenticate': `Basic realm="${route.loginRealm}", charset="UTF-8"` },
        );
      throw principal;
    }
    if (!route.access.includes(principal.role)) throw new Refused(403, 'forbidden');
    if (principal.role === 'terminal' && route.currentAppOnly !== false) {
      const version = versionSchema.safeParse(req.headers[HEADER_APP_VERSION]);
      if (!version.success || compareVersions(version.data, minAppVersion) < 0)
        throw new Refused(426, 'upgrade_required', { minAppVersion });
    }
    return principal;
  };
}
