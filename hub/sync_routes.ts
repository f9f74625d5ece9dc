import type { z } from 'zod';
import {
  batchRequestSchema,
  HUB_SERVICE,
  heartbeatSchema,
  ITEM_KINDS,
  type ItemKind,
  listQuerySchema,
  PROTOCOL_VERSION,
  submissionEnvelopeSchema,
  uuidSchema,
} from '../common/sync/protocol';
import { Refused, readJsonBody, sendJson } from './http_io';
import type { Intake } from './intake';
import { type Route, route } from './router';
import type { HubStore } from './storage/hub_store';

export interface SyncDeps {
  store: HubStore;
  intake: Intake;
  maxBodyBytes: number;
  now: () => Date;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`.slice(0, 300);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Refused(422, 'invalid_request', { detail: firstIssue(parsed.error) });
  return parsed.data;
}

/** The kiosk ↔ hub sync protocol (`docs/protocol.md`): every body validated with `common/sync/protocol.ts`. */
export function syncRoutes({ store, intake, maxBodyBytes, now }: SyncDeps): Route[] {
  return [
    route({
      methods: ['GET'],
      path: /^\/api\/v1\/health$/,
      access: 'public',
      handle: ({ res }) =>
        sendJson(res, 200, {
          service: HUB_SERVICE,
          hubId: store.hubId,
          protocol: PROTOCOL_VERSION,
          time: now().toISOString(),
        }),
    }),
    route({
      methods: ['GET'],
      path: /^\/api\/v1\/submissions$/,
      access: ['staff', 'admin'],
      handle: async ({ res, url, principal }) => {
        const query = parseWith(listQuerySchema, Object.fromEntries(url.searchParams));
        // A staff token bound to centres sees those only, whatever it asks for.
        if (
          principal.centres !== null &&
          query.centre !== undefined &&
          !principal.centres.includes(query.centre)
        )
          throw new Refused(403, 'forbidden');
        const centres = query.centre !== undefined ? [query.centre] : (principal.centres ?? undefined);
        const items = await store.listSubmissions({ since: query.since, limit: query.limit, centres });
        sendJson(res, 200, { items, next: items.at(-1)?.seq ?? query.since });
      },
    }),
    route({
      methods: ['POST'],
      path: /^\/api\/v1\/submissions\/batch$/,
      access: ['terminal'],
      handle: async ({ req, res, principal }) => {
        const { items } = parseWith(batchRequestSchema, await readJsonBody(req, maxBodyBytes));
        const results = await intake.receive(principal, items);
        sendJson(res, 200, { hubId: store.hubId, results });
      },
    }),
    route({
      methods: ['PUT'],
      path: /^\/api\/v1\/submissions\/([^/]+)$/,
      access: ['terminal'],
      handle: async ({ req, res, params, principal }) => {
        const uuid = uuidSchema.safeParse(params[0]);
        if (!uuid.success) throw new Refused(400, 'invalid_id');
        const envelope = parseWith(submissionEnvelopeSchema, await readJsonBody(req, maxBodyBytes));
        const [result] = await intake.receive(principal, [{ ...envelope, uuid: uuid.data }]);
        if (!result) throw new Error('intake returned no result');
        if ('receipt' in result) sendJson(res, result.status, result.receipt);
        else
          sendJson(res, result.status, {
            error: result.reason,
            ...(result.detail ? { detail: result.detail } : {}),
          });
      },
    }),
    route({
      methods: ['GET'],
      path: /^\/api\/v1\/manifest$/,
      access: ['terminal', 'staff', 'admin'],
      handle: async ({ res }) => sendJson(res, 200, { hubId: store.hubId, items: await store.manifest() }),
    }),
    route({
      methods: ['GET'],
      path: /^\/api\/v1\/items\/([^/]+)\/([^/]+)\/([^/]+)$/,
      access: ['terminal', 'staff', 'admin'],
      handle: async ({ res, params }) => {
        const [kind, id, version] = params as [string, string, string];
        const item = ITEM_KINDS.includes(kind as ItemKind)
          ? await store.item(kind as ItemKind, id, version)
          : null;
        if (!item) throw new Refused(404, 'not_found');
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': item.body.length,
          'x-content-sha256': item.sha256,
          'cache-control': 'no-store',
        });
        res.end(item.body);
      },
    }),
    route({
      methods: ['POST'],
      path: /^\/api\/v1\/heartbeat$/,
      access: ['terminal'],
      handle: async ({ req, res, principal }) => {
        const heartbeat = parseWith(heartbeatSchema, await readJsonBody(req, maxBodyBytes));
        const receivedAt = now().toISOString();
        await store.recordHeartbeat({ terminalId: principal.terminalId!, receivedAt, heartbeat });
        sendJson(res, 200, { ok: true, receivedAt });
      },
    }),
    route({
      methods: ['GET'],
      path: /^\/api\/v1\/terminals$/,
      access: ['admin'],
      handle: async ({ res }) => sendJson(res, 200, { terminals: await store.heartbeats() }),
    }),
  ];
}
