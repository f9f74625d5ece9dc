import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { compareVersions } from '../common/sync/app_version';
import {
  batchRequestSchema,
  HEADER_APP_VERSION,
  HUB_SERVICE,
  heartbeatSchema,
  ITEM_KINDS,
  type ItemKind,
  listQuerySchema,
  MAX_BODY_BYTES,
  PROTOCOL_VERSION,
  submissionEnvelopeSchema,
  uuidSchema,
  versionSchema,
} from '../common/sync/protocol';
import type { Logger } from '../node_shared/logger';
import { DESK_ROUTE, handleDesk } from './desk/desk_handlers';
import { createEnrollmentHandler, ENROLLMENT_ROUTE } from './enrollment/enrollment_handlers';
import { openEnrollmentStore } from './enrollment/enrollment_store';
import { FLEET_ROUTE, handleFleetPage } from './fleet/fleet_handlers';
import { Refused, readJsonBody, sendJson, sendRefused } from './http_io';
import { Intake } from './intake';
import { PublishedTemplates } from './published_templates';
import { handleUpdateFile, UPDATES_ROUTE } from './releases/releases_handlers';
import type { HubStore, Principal, Role } from './storage/hub_store';
import type { HubTlsFiles } from './tls/hub_tls_options';
import { type RateLimit, TokenBuckets } from './token_bucket';
import { bearerToken, hashToken } from './tokens';
import { AGENT_ROUTE, handleAgentPage } from './video/agent_page';
import { attachVideoSignalling } from './video/video_socket';

export interface HubOptions {
  store: HubStore;
  logger: Logger;
  /** Kiosks older than this get 426 (update required). */
  minAppVersion?: string;
  rateLimit?: RateLimit;
  maxBodyBytes?: number;
  /** Whole-request deadline: a client that trickles its body slower than this is cut off. */
  requestTimeoutMs?: number;
  now?: () => Date;
  /** The hub's data folder; update feeds (`releases/<channel>/`) are served from it when set. */
  dataDir?: string;
  /** Serve HTTPS with this certificate chain and key (`--cert`, `--key`); absent: plain HTTP (loopback only). */
  tls?: HubTlsFiles;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perSecond: 60 };

const ROUTES = {
  health: /^\/api\/v1\/health$/,
  submissions: /^\/api\/v1\/submissions$/,
  batch: /^\/api\/v1\/submissions\/batch$/,
  submission: /^\/api\/v1\/submissions\/([^/]+)$/,
  manifest: /^\/api\/v1\/manifest$/,
  item: /^\/api\/v1\/items\/([^/]+)\/([^/]+)\/([^/]+)$/,
  heartbeat: /^\/api\/v1\/heartbeat$/,
  terminals: /^\/api\/v1\/terminals$/,
};

/** Decodes one path segment; a malformed escape becomes a value no item has (so: 404, not a crash). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`.slice(0, 300);
}

/**
 * The hub's HTTP API (node:http, no framework). Every input is validated with the schemas of
 * `common/sync/protocol.ts`; expected refusals are JSON `{error, detail?}` with the matching status.
 */
export function createHubServer(options: HubOptions): http.Server {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const minAppVersion = options.minAppVersion ?? '0.0.0';
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const buckets = new TokenBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const intake = new Intake(store, new PublishedTemplates(store), now);
  // One-time enrollment codes live next to the hub database (`DATA/enrollment.sqlite`).
  const enrollment = options.dataDir ? openEnrollmentStore(options.dataDir) : null;
  const enroll = enrollment ? createEnrollmentHandler({ store, enrollment, logger, now }) : null;

  function authenticate(req: IncomingMessage, roles: readonly Role[]): Principal {
    const token = bearerToken(req.headers.authorization);
    const principal = token ? store.findToken(hashToken(token)) : null;
    if (!principal) {
      // Failed attempts are rate-limited per address, so guessing tokens is slow as well as hopeless.
      const limited = buckets.take(`addr:${req.socket.remoteAddress}`, Date.now());
      if (!limited.ok) throw tooMany(limited.retryAfterMs);
      throw new Refused(401, 'unauthorized');
    }
    const limited = buckets.take(`token:${principal.tokenId}`, Date.now());
    if (!limited.ok) throw tooMany(limited.retryAfterMs);
    if (!roles.includes(principal.role)) throw new Refused(403, 'forbidden');
    if (principal.role === 'terminal') requireCurrentApp(req);
    return principal;
  }

  function tooMany(retryAfterMs: number): Refused {
    return new Refused(429, 'rate_limited', {}, { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) });
  }

  function requireCurrentApp(req: IncomingMessage): void {
    const version = versionSchema.safeParse(req.headers[HEADER_APP_VERSION]);
    if (!version.success || compareVersions(version.data, minAppVersion) < 0)
      throw new Refused(426, 'upgrade_required', { minAppVersion });
  }

  const jsonBody = (req: IncomingMessage) => readJsonBody(req, maxBodyBytes);

  function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Refused(422, 'invalid_request', { detail: firstIssue(parsed.error) });
    return parsed.data;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.url ?? '').length > 2048) throw new Refused(414, 'uri_too_long');
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const allow = (...methods: string[]) => {
      if (!methods.includes(method))
        throw new Refused(405, 'method_not_allowed', {}, { allow: methods.join(', ') });
    };

    // Technician routes (hub/releases, hub/fleet): they authenticate themselves, without the app-version
    // check, so an outdated terminal can still fetch its update.
    if (options.dataDir && UPDATES_ROUTE.test(path)) {
      await handleUpdateFile(req, res, { store, dataDir: options.dataDir });
      return;
    }
    if (AGENT_ROUTE.test(path)) return handleAgentPage(req, res);
    if (FLEET_ROUTE.test(path)) {
      handleFleetPage(req, res, { store, now });
      return;
    }
    if (enroll && ENROLLMENT_ROUTE.test(path)) return enroll(req, res, path);
    if (DESK_ROUTE.test(path)) {
      await handleDesk(req, res, { store, now, dataDir: options.dataDir });
      return;
    }
    if (ROUTES.health.test(path)) {
      allow('GET');
      sendJson(res, 200, {
        service: HUB_SERVICE,
        hubId: store.hubId,
        protocol: PROTOCOL_VERSION,
        time: now().toISOString(),
      });
      return;
    }
    if (ROUTES.submissions.test(path)) {
      allow('GET');
      const principal = authenticate(req, ['staff', 'admin']);
      const query = parseWith(listQuerySchema, Object.fromEntries(url.searchParams));
      // A staff token bound to a centre sees that centre only, whatever it asks for.
      if (principal.centre !== null && query.centre !== undefined && query.centre !== principal.centre)
        throw new Refused(403, 'forbidden');
      const items = store.listSubmissions({ ...query, centre: principal.centre ?? query.centre });
      sendJson(res, 200, { items, next: items.at(-1)?.seq ?? query.since });
      return;
    }
    if (ROUTES.batch.test(path)) {
      allow('POST');
      const principal = authenticate(req, ['terminal']);
      const { items } = parseWith(batchRequestSchema, await jsonBody(req));
      const results = await intake.receive(principal, items);
      sendJson(res, 200, { hubId: store.hubId, results });
      return;
    }
    const submission = ROUTES.submission.exec(path);
    if (submission) {
      allow('PUT');
      const principal = authenticate(req, ['terminal']);
      const uuid = uuidSchema.safeParse(submission[1]);
      if (!uuid.success) throw new Refused(400, 'invalid_id');
      const envelope = parseWith(submissionEnvelopeSchema, await jsonBody(req));
      const [result] = await intake.receive(principal, [{ ...envelope, uuid: uuid.data }]);
      if (!result) throw new Error('intake returned no result');
      if ('receipt' in result) sendJson(res, result.status, result.receipt);
      else
        sendJson(res, result.status, {
          error: result.reason,
          ...(result.detail ? { detail: result.detail } : {}),
        });
      return;
    }
    if (ROUTES.manifest.test(path)) {
      allow('GET');
      authenticate(req, ['terminal', 'staff', 'admin']);
      sendJson(res, 200, { hubId: store.hubId, items: store.manifest() });
      return;
    }
    const itemMatch = ROUTES.item.exec(path);
    if (itemMatch) {
      allow('GET');
      authenticate(req, ['terminal', 'staff', 'admin']);
      const [, kind, id, version] = itemMatch.map(safeDecode) as [string, string, string, string];
      const item = ITEM_KINDS.includes(kind as ItemKind) ? store.item(kind as ItemKind, id, version) : null;
      if (!item) throw new Refused(404, 'not_found');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': item.body.length,
        'x-content-sha256': item.sha256,
        'cache-control': 'no-store',
      });
      res.end(item.body);
      return;
    }
    if (ROUTES.heartbeat.test(path)) {
      allow('POST');
      const principal = authenticate(req, ['terminal']);
      const heartbeat = parseWith(heartbeatSchema, await jsonBody(req));
      const receivedAt = now().toISOString();
      store.recordHeartbeat({ terminalId: principal.terminalId!, receivedAt, heartbeat });
      sendJson(res, 200, { ok: true, receivedAt });
      return;
    }
    if (ROUTES.terminals.test(path)) {
      allow('GET');
      authenticate(req, ['admin']);
      sendJson(res, 200, { terminals: store.heartbeats() });
      return;
    }
    throw new Refused(404, 'not_found');
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
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
  const timeouts = { requestTimeout: options.requestTimeoutMs ?? 30_000, headersTimeout: 10_000 };
  const server: http.Server = options.tls
    ? https.createServer({ ...timeouts, ...options.tls, minVersion: 'TLSv1.2' }, onRequest)
    : http.createServer(timeouts, onRequest);
  server.keepAliveTimeout = 5_000;
  server.once('close', () => enrollment?.close());
  attachVideoSignalling(server, { store, logger, dataDir: options.dataDir });
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
