import type { KioskSignal } from '../../../common/contract/video_methods';
import type { CallKind } from '../../../common/video/roster';
import type { ServerMessage } from '../../../common/video/signal_messages';
import { openCallMedia, stopMedia } from './media_devices';
import { PeerMesh } from './peer_mesh';

export type CallPhase = 'idle' | 'calling' | 'connected';

/** One other party of the call (the agent who answered, then an invited second agent). */
export interface RemoteParty {
  peer: string;
  name: string;
  /** Null until their media arrives. */
  stream: MediaStream | null;
}

export interface CallView {
  phase: CallPhase;
  kind: CallKind | null;
  local: MediaStream | null;
  /** In the order they joined: the first (the one who answered) stays the large video. */
  remotes: RemoteParty[];
  /** The names of everyone the visitor is connected with, for the status line. */
  agentName: string;
  muted: boolean;
}

export const IDLE_VIEW: CallView = {
  phase: 'idle',
  kind: null,
  local: null,
  remotes: [],
  agentName: '',
  muted: false,
};

const namesOf = (remotes: RemoteParty[]) =>
  remotes
    .map((party) => party.name)
    .filter(Boolean)
    .join('、');

export interface CallSessionHooks {
  send(message: KioskSignal): Promise<boolean>;
  changed(view: CallView): void;
  /** The call ended (by either side, timeout or nobody free); `reason` from the hub. */
  ended(reason: Extract<ServerMessage, { type: 'ended' }>['reason']): void;
  chat(from: 'visitor' | 'agent', name: string, text: string): void;
}

/**
 * One visitor call, without React: camera on at "call", WebRTC toward whoever answers, camera off (tracks
 * stopped) whenever the call ends, however it ends.
 */
export class CallSession {
  private view: CallView = IDLE_VIEW;
  private callId: string | null = null;
  private mesh: PeerMesh | null = null;

  constructor(
    private readonly iceServers: RTCIceServer[],
    private readonly hooks: CallSessionHooks,
  ) {}

  current(): CallView {
    return this.view;
  }

  connections(): RTCPeerConnection[] {
    return this.mesh?.connections() ?? [];
  }

  async start(kind: CallKind): Promise<'ok' | 'camera_failed' | 'not_connected'> {
    if (this.view.phase !== 'idle') return 'ok';
    let local: MediaStream;
    try {
      local = await openCallMedia();
    } catch {
      return 'camera_failed';
    }
    this.mesh = new PeerMesh(local, this.iceServers, {
      signal: (peer, data) => {
        if (this.callId) void this.hooks.send({ type: 'signal', callId: this.callId, to: peer, data });
      },
      remote: (peer, stream) => this.setRemote(peer, stream),
    });
    this.update({ phase: 'calling', kind, local, muted: false });
    if (!(await this.hooks.send({ type: 'call', kind }))) {
      this.finish();
      return 'not_connected';
    }
    return 'ok';
  }

  async receive(message: ServerMessage): Promise<void> {
    switch (message.type) {
      case 'calling':
        this.callId = message.callId;
        return;
      case 'connected':
        if (message.callId !== this.callId || !this.mesh) return;
        if (!this.view.remotes.some((party) => party.peer === message.peer)) {
          const remotes = [
            ...this.view.remotes,
            { peer: message.peer, name: message.peerName, stream: null },
          ];
          this.update({ phase: 'connected', remotes, agentName: namesOf(remotes) });
        }
        await this.mesh.connect(message.peer, message.makeOffer);
        return;
      case 'signal':
        if (message.callId === this.callId) await this.mesh?.receive(message.from, message.data);
        return;
      case 'left':
        if (message.callId === this.callId) this.mesh?.drop(message.party);
        return;
      case 'chat':
        if (message.callId === this.callId) this.hooks.chat(message.from, message.name, message.text);
        return;
      case 'ended':
        // `no_agent` arrives with a fresh id before any `calling`.
        if (this.view.phase === 'idle' || (this.callId && message.callId !== this.callId)) return;
        this.finish();
        this.hooks.ended(message.reason);
        return;
      default:
        return;
    }
  }

  async sendChat(text: string): Promise<boolean> {
    if (!this.callId || this.view.phase !== 'connected') return false;
    return this.hooks.send({ type: 'chat', callId: this.callId, text });
  }

  toggleMute(): void {
    const muted = !this.view.muted;
    for (const track of this.view.local?.getAudioTracks() ?? []) track.enabled = !muted;
    this.update({ muted });
  }

  hangUp(): void {
    if (this.callId) void this.hooks.send({ type: 'hangup', callId: this.callId });
    if (this.view.phase !== 'idle') {
      this.finish();
      this.hooks.ended('hangup');
    }
  }

  /** Leaves nothing running: peer connections closed, camera and microphone released. */
  finish(): void {
    this.mesh?.close();
    this.mesh = null;
    stopMedia(this.view.local);
    this.callId = null;
    this.update(IDLE_VIEW);
  }

  /** A party's media arrived, or (null) they left the call: the others stay. */
  private setRemote(peer: string, stream: MediaStream | null): void {
    const known = this.view.remotes.some((party) => party.peer === peer);
    const remotes = stream
      ? known
        ? this.view.remotes.map((party) => (party.peer === peer ? { ...party, stream } : party))
        : [...this.view.remotes, { peer, name: '', stream }]
      : this.view.remotes.filter((party) => party.peer !== peer);
    this.update({ remotes, agentName: namesOf(remotes) });
  }

  private update(patch: Partial<CallView>): void {
    this.view = { ...this.view, ...patch };
    this.hooks.changed(this.view);
  }
}
