import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { channelSchema } from '../../common/updates/feed';
import { Refused, sendJson, sendRefused } from '../http_io';
import type { HubStore } from '../storage/hub_store';
import { releaseNameOf, resolveReleaseFile } from './release_files';
import { receiveRelease } from './release_upload';
import { requestPrincipal } from './request_principal';

export interface ReleasesContext {
  store: HubStore;
  dataDir: string;
}

/** `/api/v1/updates/<channel>/<file>`; the match groups are channel and file. */
export const UPDATES_ROUTE = /^\/api\/v1\/updates\/([^/]+)\/([^/]+)$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function serve(req: IncomingMessage, res: ServerResponse, file: string): void {
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
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

/**
 * Serves the signed update feeds and the builds, read-only, to terminals (and administrators); takes new
 * ones from the release machine (`PUT`, administrator token: `npm run hub:release`). Full-file answers only.
 */
export async function handleUpdateFile(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ReleasesContext,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const match = UPDATES_ROUTE.exec(url.pathname);
    if (!match) throw new Refused(404, 'not_found');
    const method = req.method ?? 'GET';
    if (!['GET', 'HEAD', 'PUT'].includes(method))
      throw new Refused(405, 'method_not_allowed', {}, { allow: 'GET, HEAD, PUT' });
    const principal = requestPrincipal(req, ctx.store);
    if (!principal) throw new Refused(401, 'unauthorized');
    const [channel, name] = [decode(match[1]!), decode(match[2]!)];
    if (method === 'PUT') {
      if (principal.role !== 'admin') throw new Refused(403, 'forbidden');
      const parsedChannel = channelSchema.safeParse(channel);
      const release = releaseNameOf(name);
      if (!parsedChannel.success || !release) throw new Refused(404, 'not_found');
      const [status, body] = await receiveRelease(
        req,
        ctx.dataDir,
        parsedChannel.data,
        release,
        url.searchParams,
      );
      sendJson(res, status, body);
      return;
    }
    if (principal.role !== 'terminal' && principal.role !== 'admin') throw new Refused(403, 'forbidden');
    const file = resolveReleaseFile(ctx.dataDir, channel, name);
    if (!file) throw new Refused(404, 'not_found');
    serve(req, res, file);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    sendRefused(req, res, error);
  }
}
