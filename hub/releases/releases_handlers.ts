import fs from 'node:fs';
import { Refused } from '../http_io';
import { type Route, route } from '../router';
import { resolveReleaseFile } from './release_files';

/**
 * `GET /api/v1/updates/<channel>/<file>`: the update feeds, their signatures and the builds, read-only, to
 * terminals (without the app-version check, so an outdated terminal can still fetch its update) and
 * administrators. Full-file answers only: without a `.blockmap` electron-updater downloads the whole build.
 */
export function releaseRoutes(dataDir: string): Route[] {
  return [
    route({
      methods: ['GET', 'HEAD'],
      path: /^\/api\/v1\/updates\/([^/]+)\/([^/]+)$/,
      access: ['terminal', 'admin'],
      currentAppOnly: false,
      handle: ({ req, res, params }) => {
        const file = resolveReleaseFile(dataDir, params[0]!, params[1]!);
        if (!file) throw new Refused(404, 'not_found');
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
      },
    }),
  ];
}
