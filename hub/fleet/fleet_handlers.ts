import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http_io';
import { requestPrincipal } from '../releases/request_principal';
import type { HubStore } from '../storage/hub_store';
import { renderFleetPage } from './fleet_page';
import { pickFleetLanguage } from './fleet_strings';
import { fleetRows } from './fleet_view';

export interface FleetContext {
  store: HubStore;
  now: () => Date;
}

export const FLEET_ROUTE = /^\/fleet$/;

/**
 * `GET /fleet` for administrators: every terminal's last heartbeat as an HTML page. A browser without
 * credentials gets a Basic login prompt (user name: anything, password: the admin token).
 */
export function handleFleetPage(req: IncomingMessage, res: ServerResponse, ctx: FleetContext): void {
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET' } });
    return;
  }
  const principal = requestPrincipal(req, ctx.store);
  if (!principal) {
    sendJson(
      res,
      401,
      { error: 'unauthorized' },
      { headers: { 'www-authenticate': 'Basic realm="fleet", charset="UTF-8"' } },
    );
    return;
  }
  if (principal.role !== 'admin') {
    sendJson(res, 403, { error: 'forbidden' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://hub.invalid');
  const now = ctx.now();
  const html = renderFleetPage(
    fleetRows(ctx.store.heartbeats(), now),
    pickFleetLanguage(url.searchParams.get('lang'), req.headers['accept-language']),
    now,
  );
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-frame-options': 'DENY',
  });
  res.end(html);
}
