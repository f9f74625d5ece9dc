import { createLogger } from '../node_shared/logger';
import { stopOnSignals } from '../node_shared/stop_on_signals';
import { fail, parseCli } from './cli_args';
import { createHubServer, listenHub } from './hub_server';
import { openHubStore } from './storage/open_hub_store';
import { loadHubTls, plainHttpAllowed } from './tls/hub_tls_options';
import { openPostgresVideoBus, type VideoBus } from './video/video_bus';

/**
 * `npm run hub -- --port 8787 --data DIR [--db postgres://…] [--host 127.0.0.1] [--min-app-version X.Y.Z]
 *   [--retention-days 180] [--cert hub.pem --key hub.key]`
 * With `--db`, several hub processes share one PostgreSQL (and video calls, over LISTEN/NOTIFY).
 * Prints `{"event":"ready","url":…,"hubId":…}` and a plain line when listening; stops cleanly on SIGTERM/SIGINT.
 * With `--cert`/`--key` it serves HTTPS itself; without them it listens only on loopback (behind a TLS proxy).
 */
const USAGE =
  'npm run hub -- --port 8787 --data DIR [--db postgres://…] [--host 127.0.0.1] [--min-app-version 0.1.0] [--retention-days 180] [--cert hub.pem --key hub.key]';
const { values, dataDir, db } = parseCli(
  process.argv.slice(2),
  {
    port: { type: 'string' },
    host: { type: 'string' },
    'min-app-version': { type: 'string' },
    'rate-burst': { type: 'string' },
    'rate-per-second': { type: 'string' },
    'retention-days': { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
  },
  USAGE,
);
const port = Number(values.port ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0–65535', 2);
const burst = Number(values['rate-burst'] ?? 120);
const perSecond = Number(values['rate-per-second'] ?? 60);
if (!(burst >= 1 && perSecond > 0)) fail('--rate-burst and --rate-per-second must be positive', 2);
const retentionDays = values['retention-days'] === undefined ? undefined : Number(values['retention-days']);
if (
  retentionDays !== undefined &&
  !(Number.isInteger(retentionDays) && retentionDays >= 1 && retentionDays <= 3650)
)
  fail('--retention-days must be 1–3650', 2);

const host = values.host ?? '127.0.0.1';
if (Boolean(values.cert) !== Boolean(values.key)) fail('--cert and --key go together', 2);
const tls = values.cert && values.key ? loadHubTls(values.cert, values.key) : null;
if (tls && !tls.ok) fail(tls.error, 2);
if (!tls && !plainHttpAllowed(host))
  fail(
    `Refusing plain HTTP on ${host}: give --cert and --key (npm run hub:cert), or listen on 127.0.0.1 behind a TLS proxy.`,
    2,
  );

const logger = createLogger();
const store = await openHubStore({ dataDir, db }).catch((error: unknown) =>
  fail(`The hub store could not be opened: ${error instanceof Error ? error.message : String(error)}`),
);
const videoBus: VideoBus | undefined = db ? await openPostgresVideoBus(db, logger) : undefined;
const server = createHubServer({
  store,
  dataDir,
  logger,
  rateLimit: { burst, perSecond },
  ...(tls ? { tls: tls.value } : {}),
  ...(values['min-app-version'] ? { minAppVersion: values['min-app-version'] } : {}),
  ...(retentionDays !== undefined ? { retentionDays } : {}),
  ...(videoBus ? { videoBus } : {}),
});
const hub = await listenHub(server, port, host).catch((error: unknown) =>
  fail(`The hub could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`),
);
stopOnSignals(
  async () => {
    await hub.close();
    await videoBus?.close();
    await store.close();
  },
  { logger },
);

// Ready only once the signal handlers are in place: a supervisor that stops the hub right after "ready"
// must get a clean shutdown, not the default kill.
process.stdout.write(
  `${JSON.stringify({ event: 'ready', url: hub.url, hubId: store.hubId, store: store.kind })}\n`,
);
process.stdout.write(`Hub ${store.hubId} ready at ${hub.url}\n`);
