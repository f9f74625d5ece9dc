import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http_io';
import type { HubStore } from '../storage/hub_store';
import { resolveReleaseFile } from './release_files';
import { requestPrincipal } from './request_principal';

export interface ReleasesContext {
  store: HubStore;
  dataDir: string;
}

/** `GET /api/v1/updates/<channel>/<file>`; the match groups are channel and file. */
export const UPDATES_ROUTE = /^\/api\/v1\/updates\/([^/]+)\/([^/]+)$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/**
 * Serves the update feeds, their signatures and the builds, read-only, to terminals (and administrators).
 * Full-file answers only: without a `.blockmap` electron-updater downloads the whole build.
 */
export function handleUpdateFile(req: IncomingMessage, res: ServerResponse, ctx: ReleasesContext): void {
  const url = new URL(req.url ?? '/', 'http://hub.invalid');
  const match = UPDATES_ROUTE.exec(url.pathname);
  if (!match) {
    sendJson(res, 404, { error: 'not_found' });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET, HEAD' } });
    return;
  }
  const principal = requestPrincipal(req, ctx.store);
  if (!principal) {
    sendJson(res, 401, { error: 'unauthorized' });
    return;
  }
  if (principal.role !== 'terminal' && principal.role !== 'admin') {
    sendJson(res, 403, { error: 'forbidden' });
    return;
  }
  const file = resolveReleaseFile(ctx.dataDir, decode(match[1]!), decode(match[2]!));
  if (!file) {
    sendJson(res, 404, { error: 'not_found' });
    return;
  }
  const size = fs.statSync(file).size;
  const isFeed = /\.ya?ml$|\.sig$/.test(file);
  res.writeHead(200, {
    'content-type': isFeed ? 'text/plain; charset=utf-8' : 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
