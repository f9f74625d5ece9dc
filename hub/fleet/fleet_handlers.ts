import { pickHubLanguage } from '../hub_text';
import { type Route, route } from '../router';
import type { HubStore } from '../storage/hub_store';
import { renderFleetPage } from './fleet_page';
import { fleetRows } from './fleet_view';

export interface FleetContext {
  store: HubStore;
  now: () => Date;
}

/**
 * `GET /fleet` for administrators: every terminal's last heartbeat as an HTML page. A browser without
 * credentials gets a Basic login prompt (user name: anything, password: the admin token).
 */
export function fleetRoutes(ctx: FleetContext): Route[] {
  return [
    route({
      methods: ['GET'],
      path: /^\/fleet$/,
      access: ['admin'],
      loginRealm: 'fleet',
      handle: async ({ req, res, url }) => {
        const now = ctx.now();
        const html = renderFleetPage(
          fleetRows(await ctx.store.heartbeats(), now),
          pickHubLanguage(url.searchParams.get('lang'), req.headers['accept-language']),
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
      },
    }),
  ];
}
