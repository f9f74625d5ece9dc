import { type ClientOptions, WebSocket } from 'ws';
import type { KioskSignal } from '../../common/contract/video_methods';
import type { Roster } from '../../common/video/roster';
import { type PresenceMessage, serverMessageSchema, VIDEO_WS_PATH } from '../../common/video/signal_messages';
import type { HubEndpoint } from '../../node_shared/hub_request';
import { isHubIdentityError } from '../../node_shared/hub_tls';
import type { Logger } from '../../node_shared/logger';
import type { EventBus } from '../event_bus';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';

export type OpenResult = { ok: true } | { ok: false; reason: 'hub_unreachable' | 'refused' };

const OPEN_TIMEOUT_MS = 5_000;

/**
 * The kiosk's signalling link to the hub. The core holds the terminal token and speaks for the call screen,
 * so the token never enters the page and the page's CSP stays `connect-src 'self'`. Every hub message is
 * validated and passed on as a `video.message` event. Presence carries the duty times of this terminal's
 * centre from the roster the kiosk downloaded and verified (`duty_roster`), not what the socket says. The
 * WebSocket's TLS accepts only the pinned hub: to
 * any other server the upgrade request, and so the token's `hello`, is never sent.
 */
export class VideoLink {
  private socket: WebSocket | null = null;
  private opening: Promise<OpenResult> | null = null;
  /** Presence is pushed on connect and on change; a call screen opened later on the same link needs it too. */
  private presence: PresenceMessage | null = null;

  constructor(
    private readonly hub: HubEndpoint,
    private readonly token: string,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly identity: HubIdentityWatch,
    private readonly roster: () => Roster,
  ) {}

  open(): Promise<OpenResult> {
    if (this.socket?.readyState === WebSocket.OPEN) return Promise.resolve({ ok: true });
    this.opening ??= this.connect().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  latestPresence(): PresenceMessage | null {
    return this.socket ? this.presence : null;
  }

  send(message: KioskSignal): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  close(): void {
    this.socket?.close(1000, 'screen left');
    this.socket = null;
    this.presence = null;
  }

  private connect(): Promise<OpenResult> {
    const url = new URL(VIDEO_WS_PATH, this.hub.origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // ws hands these options to tls.connect (its typings give checkServerIdentity another signature).
    const tlsOptions = (this.hub.tls ?? {}) as ClientOptions;
    const socket = new WebSocket(url, {
      handshakeTimeout: OPEN_TIMEOUT_MS,
      maxPayload: 256 * 1024,
      ...tlsOptions,
    });
    return new Promise<OpenResult>((resolve) => {
      let settled = false;
      const settle = (result: OpenResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (result.ok) this.socket = socket;
        else socket.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => settle({ ok: false, reason: 'hub_unreachable' }), OPEN_TIMEOUT_MS);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token: this.token })));
      socket.on('error', (error) => {
        // The visitor hears "the centre cannot be reached"; staff see the mismatch in the sync status.
        if (isHubIdentityError(error)) this.identity.mismatch('video');
        settle({ ok: false, reason: 'hub_unreachable' });
      });
      socket.on('close', (code) => {
        settle({ ok: false, reason: code === 4401 ? 'refused' : 'hub_unreachable' });
        if (this.socket === socket) {
          this.socket = null;
          this.events.emit('video.link', { state: 'closed' });
        }
      });
      socket.on('message', (data) => {
        let parsed: ReturnType<typeof serverMessageSchema.safeParse>;
        try {
          parsed = serverMessageSchema.safeParse(JSON.parse(data.toString()));
        } catch {
          return;
        }
        if (!parsed.success) {
          this.logger.warn('video.bad_hub_message', {});
          return;
        }
        const message =
          parsed.data.type === 'presence' ? { ...parsed.data, roster: this.roster() } : parsed.data;
        if (message.type === 'presence') this.presence = message;
        if (message.type === 'welcome') settle({ ok: true });
        else if (message.type === 'error' && message.code === 'unauthorized')
          settle({ ok: false, reason: 'refused' });
        this.events.emit('video.message', message);
      });
    });
  }
}
