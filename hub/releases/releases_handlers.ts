import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { channelSchema } from '../../common/updates/feed';
import { Refused, sendJson } from '../http_io';
import { type Route, route } from '../router';
import { releaseNameOf, resolveReleaseFile } from './release_files';
import { receiveRelease } from './release_upload';

const UPDATE_FILE = /^\/api\/v1\/updates\/([^/]+)\/([^/]+)$/;

function serve(method: string | undefined, res: ServerResponse, file: string): void {
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * `/api/v1/updates/<channel>/<file>`: the signed update feeds and the builds, read-only, to terminals
 * (without the app-version check, so an outdated terminal can still fetch its update) and administrators;
 * `PUT` takes new ones from the release machine (administrator token: `npm run hub:release`). The hub never
 * holds the release key: it stores what was signed elsewhere. Full-file answers only.
 */
export function releaseRoutes(dataDir: string): Route[] {
  return [
    route({
      methods: ['GET', 'HEAD'],
      path: UPDATE_FILE,
      access: ['terminal', 'admin'],
      currentAppOnly: false,
      handle: ({ req, res, params }) => {
        const file = resolveReleaseFile(dataDir, params[0]!, params[1]!);
        if (!file) throw new Refused(404, 'not_found');
        serve(req.method, res, file);
      },
    }),
    route({
      methods: ['PUT'],
      path: UPDATE_FILE,
      access: ['admin'],
      handle: async ({ req, res, url, params }) => {
        const channel = channelSchema.safeParse(params[0]);
        const release = releaseNameOf(params[1]!);
        if (!channel.success || !release) throw new Refused(404, 'not_found');
        const [status, body] = await receiveRelease(req, dataDir, channel.data, release, url.searchParams);
        sendJson(res, status, body);
      },
    }),
  ];
}
