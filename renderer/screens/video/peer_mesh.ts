import type { SignalData } from '../../../common/video/signal_messages';

export interface MeshHandlers {
  /** Sends one signalling payload to a peer (through the hub). */
  signal(peer: string, data: SignalData): void;
  /** A peer's remote media arrived (stream) or went away (null). */
  remote(peer: string, stream: MediaStream | null): void;
}

interface PeerEntry {
  pc: RTCPeerConnection;
  /** Candidates that arrived before the remote description. */
  pending: RTCIceCandidateInit[];
}

/**
 * One RTCPeerConnection per other party of a call (two parties: one; three-way: a small mesh). Who offers is
 * decided by the hub (`connected.makeOffer`), so there is never glare. Used by the kiosk and the agent console.
 */
export class PeerMesh {
  private readonly peers = new Map<string, PeerEntry>();

  constructor(
    private readonly local: MediaStream,
    private readonly iceServers: RTCIceServer[],
    private readonly handlers: MeshHandlers,
  ) {}

  connections(): RTCPeerConnection[] {
    return [...this.peers.values()].map((entry) => entry.pc);
  }

  async connect(peer: string, makeOffer: boolean): Promise<void> {
    const entry = this.entry(peer);
    if (!makeOffer) return;
    const offer = await entry.pc.createOffer();
    await entry.pc.setLocalDescription(offer);
    this.handlers.signal(peer, { sdp: { type: 'offer', sdp: offer.sdp ?? '' } });
  }

  async receive(peer: string, data: SignalData): Promise<void> {
    const entry = this.entry(peer);
    if ('candidate' in data) {
      if (entry.pc.remoteDescription) await entry.pc.addIceCandidate(data.candidate);
      else entry.pending.push(data.candidate);
      return;
    }
    await entry.pc.setRemoteDescription(data.sdp);
    for (const candidate of entry.pending.splice(0)) await entry.pc.addIceCandidate(candidate);
    if (data.sdp.type === 'offer') {
      const answer = await entry.pc.createAnswer();
      await entry.pc.setLocalDescription(answer);
      this.handlers.signal(peer, { sdp: { type: 'answer', sdp: answer.sdp ?? '' } });
    }
  }

  drop(peer: string): void {
    const entry = this.peers.get(peer);
    if (!entry) return;
    entry.pc.close();
    this.peers.delete(peer);
    this.handlers.remote(peer, null);
  }

  close(): void {
    for (const peer of [...this.peers.keys()]) this.drop(peer);
  }

  private entry(peer: string): PeerEntry {
    const found = this.peers.get(peer);
    if (found) return found;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    for (const track of this.local.getTracks()) {
      const sender = pc.addTrack(track, this.local);
      // Hand shapes must stay legible: under CPU or bandwidth pressure drop frames, not resolution.
      if (track.kind === 'video') keepResolution(sender);
    }
    pc.onicecandidate = (event) => {
      if (event.candidate) this.handlers.signal(peer, { candidate: event.candidate.toJSON() as never });
    };
    pc.ontrack = (event) => this.handlers.remote(peer, event.streams[0] ?? new MediaStream([event.track]));
    const entry = { pc, pending: [] };
    this.peers.set(peer, entry);
    return entry;
  }
}

function keepResolution(sender: RTCRtpSender): void {
  const parameters = sender.getParameters();
  parameters.degradationPreference = 'maintain-resolution';
  sender.setParameters(parameters).catch(() => {
    // Not supported by this engine: it keeps its default balance; the call still works.
  });
}
