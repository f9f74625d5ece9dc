import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKioskCore } from '../core/kiosk_core';
import { spoolDirOf } from '../core/printing/print_spool';
import { createLogger } from '../node_shared/logger';
import { stopOnSignals } from '../node_shared/stop_on_signals';
import pkg from '../package.json' with { type: 'json' };
import { ChromiumPrinter } from './chromium_printer';
import { hostToken } from './host_token';
import { startHttpRpcServer } from './http_rpc_server';

/**
 * The dev host: the kiosk core and the built renderer on http://127.0.0.1:${KIOSK_PORT:-5199}/.
 * Prints one JSON line `{"event":"ready","url":…}` when ready; stops cleanly on SIGINT/SIGTERM.
 */
async function main() {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const staticRoot = path.join(projectRoot, 'dist', 'renderer');
  // Built at build time (`npm run start:web` builds it first when its sources changed).
  if (!fs.existsSync(path.join(staticRoot, 'index.html')))
    throw new Error('the renderer is not built: run `npm run build:web`');

  const logger = createLogger();
  const dataDir = path.resolve(process.env.KIOSK_DATA_DIR ?? path.join(projectRoot, '.kiosk-data'));
  // Prints become PDFs in <dataDir>/print; the print browser is warmed once the first screen is up.
  const printer = new ChromiumPrinter({ spoolDir: spoolDirOf(dataDir) });
  const core = createKioskCore({
    dataDir,
    configPath: process.env.KIOSK_CONFIG ?? path.join(projectRoot, 'assets', 'config.sample.json'),
    // The same organisation profile a packaged build carries (trusted hubs, release keys).
    profilePath: process.env.KIOSK_PROFILE ?? path.join(projectRoot, 'assets', 'organisation_profile.json'),
    appVersion: pkg.version,
    logger,
    printer,
    testHooks: process.env.KIOSK_TEST_HOOKS === '1',
  });
  const token = hostToken(dataDir);
  const server = await startHttpRpcServer({
    dispatch: core.dispatch,
    events: core.events,
    media: core.media,
    token,
    staticRoot,
    port: Number(process.env.KIOSK_PORT ?? 5199),
  });
  stopOnSignals(
    async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      core.close();
      await printer.close();
    },
    { logger },
  );

  // Ready only once the signal handlers are in: a signal before them would kill the process outright.
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  process.stdout.write(`${JSON.stringify({ event: 'ready', url, port })}\n`);
  process.stdout.write(`Kiosk dev host ready: open ${url} in Chromium\n`);
}

main().catch((error) => {
  process.stderr.write(
    `Dev host failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
