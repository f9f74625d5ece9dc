import type { IncomingMessage } from 'node:http';
import type { HubStore, Principal } from '../storage/hub_store';
import { bearerToken, hashToken } from '../tokens';

/**
 * The principal behind a request: `Authorization: Bearer <token>`, or Basic with the token as password
 * (so an administrator's browser can open the fleet page with its own login prompt). No app-version
 * check here on purpose: an outdated terminal must still be able to fetch its update.
 */
export function requestPrincipal(req: IncomingMessage, store: HubStore): Principal | null {
  const header = req.headers.authorization;
  let token = bearerToken(header);
  if (!token && header && header.length <= 800) {
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const password = decoded.slice(decoded.indexOf(':') + 1);
      token = /^[\x21-\x7e]{1,600}$/.test(password) ? password : null;
    }
  }
  return token ? store.findToken(hashToken(token)) : null;
}
