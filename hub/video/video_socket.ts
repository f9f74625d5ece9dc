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
import { isSameOrigin, Refused } from '../http_io';
import type { TokenChecker } from '../request_auth';
import type { HubStore } from '../storage/hub_store';
import { TokenBuckets } from '../token_bucket';
import { rosterSource } from './roster_source';
import type { VideoBus } from './video_bus';
import { VideoExchange } from './video_exchange';

export interface VideoSocketOptions {
  store: HubStore;
  tokens: TokenChecker;
  logger: Logger;
  dataDir?: string | undefined;
  ringTimeoutMs?: number;
  bus?: VideoBus | undefined;
}

/** A socket must say hello (with its token) this soon after it opens, or it is closed. */
export const HELLO_TIMEOUT_MS = 3_000;
/** Sockets not signed in yet, per client address: a flood from one address cannot crowd out the others. */
export const MAX_UNAUTHENTICATED_PER_ADDRESS = 8;
/** Signed-in sockets per token: a kiosk or an agent needs one; a few cover reconnects. */
export const MAX_SOCKETS_PER_TOKEN = 4;
const MAX_MALFORMED = 5;
/** Per connection: ICE gathering sends bursts of candidates; a steady flood beyond this is cut off. */
const PER_CONNECTION = { burst: 80, perSecond: 20 };

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

/**
 * Mounts the signalling WebSocket (`/api/v1/video/ws`) on the hub's HTTP server. The token comes in the
 * first message (`hello`), never in the URL, so it stays out of access logs. Limits key on identity: sockets
 * that have not signed in are few per address and short-lived; signed-in ones are few per token; failed
 * tokens are limited per token presented (`TokenChecker`), never per address.
 */
export function attachVideoSignalling(server: http.Server, options: VideoSocketOptions): VideoExchange {
  const roster = rosterSource(options.store, options.dataDir, options.logger);
  const exchange = new VideoExchange({
    roster: () => roster.current(),
    ...(options.ringTimeoutMs ? { ringTimeoutMs: options.ringTimeoutMs } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_FRAME_BYTES });
  const frames = new TokenBuckets(PER_CONNECTION);
  const unauthenticated = new Map<string, number>();
  const perToken = new Map<string, number>();
  const count = (map: Map<string, number>, key: string, delta: number) => {
    const next = (map.get(key) ?? 0) + delta;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    const address = req.socket.remoteAddress ?? '';
    if (path !== VIDEO_WS_PATH || !isSameOrigin(req)) return refuseUpgrade(socket, '403 Forbidden');
    if ((unauthenticated.get(address) ?? 0) >= MAX_UNAUTHENTICATED_PER_ADDRESS)
      return refuseUpgrade(socket, '429 Too Many Requests');
    count(unauthenticated, address, 1);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, address));
  });
  server.on('close', () => {
    roster.stop();
    exchange.close();
    for (const client of wss.clients) client.terminate();
  });

  let connections = 0;
  function serve(ws: WebSocket, address: string): void {
    let partyId: string | null = null;
    let tokenId: string | null = null;
    let signingIn = false;
    let malformed = 0;
    const connectionKey = `conn:${++connections}`;
    const send = (message: ServerMessage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    const helloTimer = setTimeout(() => ws.close(4401, 'no hello'), HELLO_TIMEOUT_MS);
    let counted = true;
    const signedIn = () => {
      if (counted) count(unauthenticated, address, -1);
      counted = false;
    };
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(helloTimer);
      signedIn();
      if (tokenId) count(perToken, tokenId, -1);
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
      if (partyId) {
        const error = exchange.receive(partyId, clientMessageSchema.parse(message));
        if (error) send({ type: 'error', code: error });
        return;
      }
      if (message.type !== 'hello' || signingIn) return void ws.close(4401, 'hello first');
      signingIn = true;
      void options.tokens.principal(message.token).then((principal) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (principal instanceof Refused) {
          const limited = principal.status === 429;
          send({ type: 'error', code: limited ? 'rate_limited' : 'unauthorized' });
          return void ws.close(limited ? 4429 : 4401, limited ? 'rate limited' : 'unauthorized');
        }
        if ((perToken.get(principal.tokenId) ?? 0) >= MAX_SOCKETS_PER_TOKEN) {
          send({ type: 'error', code: 'too_many_connections' });
          return void ws.close(4429, 'too many connections');
        }
        clearTimeout(helloTimer);
        signedIn();
        tokenId = principal.tokenId;
        count(perToken, tokenId, 1);
        partyId = exchange.join({ send, close: (code, reason) => ws.close(code, reason) }, principal);
      });
    });
  }

  options.logger.info('hub.video_ready', { path: VIDEO_WS_PATH });
  return exchange;
}
