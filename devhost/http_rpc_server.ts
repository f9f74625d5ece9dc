import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BYTES, type RpcResponse, rpcRequestSchema } from '../common/contract';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { EventBus } from '../core/event_bus';
import type { Dispatch } from '../core/rpc/dispatcher';
import type { MediaAnswer, MediaRequest } from '../core/sign_language/clip_response';
import { readStaticFile } from '../node_shared/static_files';
import { checkHostAndOrigin, checkToken } from './request_guard';

export interface HttpRpcServerOptions {
  dispatch: Dispatch;
  events: EventBus;
  token: string;
  staticRoot: string;
  /** Media the page loads by URL (sign-language clips), answered by the core. */
  media?: (request: MediaRequest) => MediaAnswer | null;
  host?: string;
  port: number;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(self), geolocation=(), usb=(), payment=()',
  'cache-control': 'no-store',
};

type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: boolean };

function readBody(req: http.IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ ok: false, tooLarge: false }));
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function refusal(code: 'unauthorized' | 'too_large' | 'invalid_args', message: string): RpcResponse {
  return { ok: false, error: { code, message } };
}

async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, dispatch: Dispatch) {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    sendJson(res, 415, refusal('invalid_args', 'Send the call as application/json.'));
    return;
  }
  const body = await readBody(req, MAX_REQUEST_BYTES);
  if (!body.ok) {
    sendJson(res, 413, refusal('too_large', 'The request is too large.'));
    return;
  }
  let request: unknown;
  try {
    request = JSON.parse(body.text);
  } catch {
    sendJson(res, 400, refusal('invalid_args', 'The request is not valid JSON.'));
    return;
  }
  const envelope = rpcRequestSchema.safeParse(request);
  if (!envelope.success) {
    sendJson(res, 400, refusal('invalid_args', 'The request must be {"method": string, "args": object}.'));
    return;
  }
  const response = await dispatch(envelope.data.method, envelope.data.args);
  const status = response.ok
    ? 200
    : response.error.code === 'unknown_method'
      ? 404
      : response.error.code === 'internal'
        ? 500
        : 400;
  sendJson(res, status, response);
}

function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, events: EventBus) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const detach = events.attach((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  req.on('close', detach);
}

/**
 * The dev host's transport: the same RPC as Electron IPC, over HTTP on loopback, guarded by Host/Origin
 * checks and a per-run bearer token. Also serves the built renderer.
 */
export function startHttpRpcServer(options: HttpRpcServerOptions): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    const hostCheck = checkHostAndOrigin(req.headers, port);
    if (!hostCheck.allowed) {
      sendJson(res, hostCheck.status, refusal('unauthorized', 'This address is not allowed.'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/rpc' || url.pathname === '/events') {
      const tokenCheck = checkToken(req.headers, options.token);
      if (!tokenCheck.allowed) {
        sendJson(res, 401, refusal('unauthorized', 'A valid session token is required.'));
        return;
      }
      if (url.pathname === '/rpc' && req.method === 'POST') void handleRpc(req, res, options.dispatch);
      else if (url.pathname === '/events' && req.method === 'GET') handleEvents(req, res, options.events);
      else sendJson(res, 405, refusal('invalid_args', 'Method not allowed.'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, refusal('invalid_args', 'Method not allowed.'));
      return;
    }
    const media = options.media?.({ method: req.method, pathname: url.pathname, range: req.headers.range });
    if (media) {
      res.writeHead(media.status, { ...SECURITY_HEADERS, ...media.headers });
      res.end(media.body ?? undefined);
      return;
    }
    const file = readStaticFile(options.staticRoot, url.pathname);
    if (!file) {
      sendJson(res, 404, refusal('invalid_args', 'Not found.'));
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'cache-control': file.cacheControl,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
