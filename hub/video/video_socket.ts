import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  clientMessageSchema,
  MAX_SIGNAL_FRAME_BYTES,
  parseClientFrame,
  type ServerMessage,
  VIDEO_WS_PATH,
} from '../../common/video/signal_messages';
import type { Logger } from '../../node_shared/logger';
import { isSameOrigin } from '../http_io';
import type { HubStore } from '../storage/hub_store';
import { TokenBuckets } from '../token_bucket';
import { hashToken } from '../tokens';
import { publishedRoster } from './roster_source';
import { VideoExchange } from './video_exchange';

export interface VideoSocketOptions {
  store: HubStore;
  logger: Logger;
  ringTimeoutMs?: number;
}

const HELLO_TIMEOUT_MS = 5_000;
const MAX_MALFORMED = 5;
const MAX_CONNECTIONS = 500;
/** Per connection: ICE gathering sends bursts of candidates; a steady flood beyond this is cut off. */
const PER_CONNECTION = { burst: 80, perSecond: 20 };

/**
 * Mounts the signalling WebSocket (`/api/v1/video/ws`) on the hub's HTTP server. The token comes in the
 * first message (`hello`), never in the URL, so it stays out of access logs.
 */
export function attachVideoSignalling(server: http.Server, options: VideoSocketOptions): VideoExchange {
  const exchange = new VideoExchange({
    roster: publishedRoster(options.store),
    ...(options.ringTimeoutMs ? { ringTimeoutMs: options.ringTimeoutMs } : {}),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_FRAME_BYTES });
  const failedLogins = new TokenBuckets({ burst: 10, perSecond: 1 });
  const blockedUntil = new Map<string, number>();
  const frames = new TokenBuckets(PER_CONNECTION);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== VIDEO_WS_PATH || !isSameOrigin(req) || wss.clients.size >= MAX_CONNECTIONS) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req.socket.remoteAddress ?? ''));
  });
  server.on('close', () => {
    exchange.close();
    for (const client of wss.clients) client.terminate();
  });

  let connections = 0;
  function serve(ws: WebSocket, address: string): void {
    let partyId: string | null = null;
    let malformed = 0;
    const connectionKey = `conn:${++connections}`;
    const send = (message: ServerMessage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    const helloTimer = setTimeout(() => ws.close(4401, 'no hello'), HELLO_TIMEOUT_MS);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (partyId) exchange.leave(partyId);
    });
    ws.on('message', (data, isBinary) => {
      if (!frames.take(connectionKey, Date.now()).ok) {
        send({ type: 'error', code: 'rate_limited' });
        ws.close(4429, 'rate limited');
        return;
      }
      const parsed = isBinary
        ? ({ ok: false, code: 'malformed' } as const)
        : parseClientFrame(data.toString('utf8'));
      if (!parsed.ok) {
        send({ type: 'error', code: parsed.code });
        if (++malformed >= MAX_MALFORMED) ws.close(4400, 'malformed');
        return;
      }
      const message = parsed.message;
      if (!partyId) {
        if (message.type !== 'hello') return void ws.close(4401, 'hello first');
        if ((blockedUntil.get(address) ?? 0) > Date.now()) {
          send({ type: 'error', code: 'rate_limited' });
          return void ws.close(4429, 'rate limited');
        }
        const principal = options.store.findToken(hashToken(message.token));
        if (!principal) {
          // Guessing tokens is slow: after a burst of failures the address waits before it may try again.
          const limited = failedLogins.take(address, Date.now());
          if (!limited.ok) blockedUntil.set(address, Date.now() + limited.retryAfterMs);
          send({ type: 'error', code: 'unauthorized' });
          return void ws.close(4401, 'unauthorized');
        }
        clearTimeout(helloTimer);
        partyId = exchange.join({ send, close: (code, reason) => ws.close(code, reason) }, principal);
        return;
      }
      const error = exchange.receive(partyId, clientMessageSchema.parse(message));
      if (error) send({ type: 'error', code: error });
    });
  }

  options.logger.info('hub.video_ready', { path: VIDEO_WS_PATH });
  return exchange;
}
