import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '../common/sync/protocol';
import type { Logger } from '../node_shared/logger';
import type { PdfRenderer } from '../node_shared/pdf/pdf_renderer';
import { deskRoutes } from './desk/desk_handlers';
import { createDeskPdf } from './desk/desk_print';
import { enrollmentRoutes } from './enrollment/enrollment_handlers';
import { fleetRoutes } from './fleet/fleet_handlers';
import { Refused, sendJson, sendRefused } from './http_io';
import { Intake } from './intake';
import { PublishedTemplates } from './published_templates';
import { releaseRoutes } from './releases/releases_handlers';
import { createAuthorizer, TokenChecker } from './request_auth';
import { DEFAULT_HUB_RETENTION_DAYS, purgeHandledApplications } from './retention';
import { watchRevocations } from './revocation_watch';
import { createRouter, type Route } from './router';
import { DEFAULT_STATUS_LIMITS, type StatusLimits, statusRoutes } from './status/status_routes';
import type { HubStore } from './storage/hub_store';
import { syncRoutes } from './sync_routes';
import type { HubTlsFiles } from './tls/hub_tls_options';
import type { RateLimit } from './token_bucket';
import { agentRoutes } from './video/agent_page';
import type { VideoBus } from './video/video_bus';
import { attachVideoSignalling } from './video/video_socket';

export interface HubOptions {
  store: HubStore;
  logger: Logger;
  /** Kiosks older than this get 426 (update required). */
  minAppVersion?: string;
  /** Requests per token id. */
  rateLimit?: RateLimit;
  maxBodyBytes?: number;
  /** Whole-request deadline: a client that trickles its body slower than this is cut off. */
  requestTimeoutMs?: number;
  now?: () => Date;
  /** The hub's data folder; update feeds (`releases/<channel>/`) and the roster are read from it when set. */
  dataDir?: string;
  /** Days a handled application's answers stay on the hub (`retention.ts`). */
  retentionDays?: number;
  /** Video signalling shared with other hub processes on the same PostgreSQL. */
  videoBus?: VideoBus;
  /** Status lookups allowed per receipt number and per terminal. */
  statusLimits?: StatusLimits;
  /** Serve HTTPS with this certificate chain and key (`--cert`, `--key`); plain HTTP without (loopback only). */
  tls?: HubTlsFiles;
  /** The desk's PDF renderer (default: `createDeskPdf()`); closed with the server. */
  deskPdf?: PdfRenderer;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perSecond: 60 };
const PURGE_EVERY_MS = 3600 * 1000;

/** The hub's route table: each route says its methods, path, who may call it and its handler. */
export function hubRoutes(
  options: HubOptions,
  now: () => Date,
  deskPdf: PdfRenderer = options.deskPdf ?? createDeskPdf({ logger: options.logger }),
): Route[] {
  const { store, logger } = options;
  const intake = new Intake(store, new PublishedTemplates(store), now);
  const retentionDays = options.retentionDays ?? DEFAULT_HUB_RETENTION_DAYS;
  return [
    ...syncRoutes({ store, intake, maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES, now }),
    ...enrollmentRoutes({ store, logger, now }),
    ...deskRoutes({ store, now, retentionDays, pdf: deskPdf }),
    ...statusRoutes({ store, now, limits: options.statusLimits ?? DEFAULT_STATUS_LIMITS }),
    ...fleetRoutes({ store, now }),
    ...agentRoutes(),
    ...(options.dataDir ? releaseRoutes(options.dataDir) : []),
  ];
}

/**
 * The hub: its route table over node:http (or https), the video signalling socket, and two background
 * jobs — closing the sockets of revoked tokens, and the hourly retention purge. Expected refusals are JSON
 * `{error, detail?}` with the matching status; a crash is a logged 500 without personal data.
 */
export function createHubServer(options: HubOptions): http.Server {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const deskPdf = options.deskPdf ?? createDeskPdf({ logger });
  const tokens = new TokenChecker(store, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const route = createRouter(
    hubRoutes(options, now, deskPdf),
    createAuthorizer(tokens, options.minAppVersion ?? '0.0.0'),
  );
  const serverOptions = { requestTimeout: options.requestTimeoutMs ?? 30_000, headersTimeout: 10_000 };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof Refused) {
        sendRefused(req, res, error);
        return;
      }
      logger.error('hub.request_failed', {
        method: req.method,
        error: error instanceof Error ? error.name : 'unknown',
      });
      sendJson(res, 500, { error: 'internal' }, { close: true });
    });
  };
  const server: http.Server = options.tls
    ? https.createServer({ ...serverOptions, ...options.tls, minVersion: 'TLSv1.2' }, handler)
    : http.createServer(serverOptions, handler);
  server.keepAliveTimeout = 5_000;

  const exchange = attachVideoSignalling(server, {
    store,
    tokens,
    logger,
    dataDir: options.dataDir,
    bus: options.videoBus,
  });
  const stopWatching = watchRevocations(
    store,
    (ids) => exchange.revoke(ids),
    (error) =>
      logger.error('hub.revocation_watch_failed', { error: error instanceof Error ? error.name : 'unknown' }),
  );
  const purge = () =>
    purgeHandledApplications(store, now(), options.retentionDays ?? DEFAULT_HUB_RETENTION_DAYS)
      .then((purged) => purged > 0 && logger.info('hub.retention_purged', { purged }))
      .catch((error: unknown) =>
        logger.error('hub.retention_failed', { error: error instanceof Error ? error.name : 'unknown' }),
      );
  void purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();
  server.once('close', () => {
    stopWatching();
    clearInterval(purgeTimer);
    void deskPdf.close();
  });
  return server;
}

export interface RunningHub {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0: any free port); `close` stops accepting and ends open connections. */
export async function listenHub(server: http.Server, port: number, host = '127.0.0.1'): Promise<RunningHub> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    server,
    url: `${scheme}://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
