import { randomBytes } from 'node:crypto';
import { CALL_KINDS, type CallKind, type Roster } from '../../common/video/roster';
import {
  type ClientMessage,
  type EndReason,
  RING_TIMEOUT_MS,
  type ServerMessage,
} from '../../common/video/signal_messages';
import type { Principal } from '../storage/hub_store';
import { type AgentSnapshot, type BusMessage, ownerOf, type VideoBus } from './video_bus';

/** One open signalling connection, seen through what the exchange needs of it. */
export interface PartyLink {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

interface Party {
  id: string;
  /** The hub process holding its socket. */
  node: string;
  role: 'kiosk' | 'agent';
  tokenId: string;
  /** A kiosk: its centre. An agent: the centres it serves (null: every centre, the province-wide pool). */
  centres: readonly string[] | null;
  /** An agent's name as the hub recorded it for its token ('' for kiosks and unnamed tokens). */
  name: string;
  kinds: CallKind[];
  available: boolean;
  /** The call it is in (any node's call, for a local party; this node's, for a remote agent). */
  callId: string | null;
  /** A remote agent: busy as its own node last said. */
  busyElsewhere: boolean;
  /** A local party: calls of other nodes ringing it, and the one it answered and waits to join. */
  ringingRemote: Set<string>;
  answering: string | null;
  link: PartyLink;
}

/** The client messages about one call (they carry its id). */
type CallMessage = Extract<ClientMessage, { callId: string }>;

interface Call {
  id: string;
  kind: CallKind;
  kiosk: Party;
  /** Agents in the call (answered). */
  agents: Party[];
  /** Agents being rung. */
  ringing: Set<Party>;
  timer: NodeJS.Timeout | null;
}

export interface ExchangeOptions {
  roster: () => Roster;
  ringTimeoutMs?: number;
  /** Other hub processes on the same PostgreSQL; without one, this process is the only one. */
  bus?: VideoBus;
}

/** A node that said nothing for this long is gone (killed): its agents and calls end as `peer_gone`. */
export const NODE_SILENCE_MS = 7_000;
export const NODE_HEARTBEAT_MS = 2_000;

function serves(agent: Party, centre: string): boolean {
  return agent.centres === null || agent.centres.includes(centre);
}

/**
 * Presence and call routing, independent of the socket library. Every relay goes only between parties of
 * the same call: a kiosk addresses nobody by id, so it can never reach another kiosk's call. A kiosk rings
 * only agents serving its centre (or the province-wide pool, tokens bound to no centre); an agent's name
 * is the one the hub recorded for its token.
 *
 * Several hub processes share calls over a `VideoBus` (PostgreSQL LISTEN/NOTIFY): each process announces
 * its agents; a call belongs to the process of its kiosk (its id names that process), which decides who
 * answered and relays; messages to a party on another process travel over the bus.
 */
export class VideoExchange {
  private readonly local = new Map<string, Party>();
  private readonly remote = new Map<string, Party>();
  private readonly calls = new Map<string, Call>();
  private readonly lastHeard = new Map<string, number>();
  private readonly ringTimeoutMs: number;
  private readonly node: string;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: ExchangeOptions) {
    this.ringTimeoutMs = options.ringTimeoutMs ?? RING_TIMEOUT_MS;
    this.node = options.bus?.node ?? randomBytes(4).toString('hex');
    const bus = options.bus;
    if (bus) {
      bus.onMessage((message) => this.fromBus(message));
      this.heartbeat = setInterval(() => {
        this.announce();
        this.dropSilentNodes(Date.now());
      }, NODE_HEARTBEAT_MS);
      this.heartbeat.unref();
      this.announce();
    }
  }

  /** Registers an authenticated connection; returns its party id. */
  join(link: PartyLink, principal: Principal): string {
    const role = principal.role === 'terminal' ? 'kiosk' : 'agent';
    const id = `p-${randomBytes(6).toString('hex')}`;
    this.local.set(id, {
      id,
      node: this.node,
      role,
      tokenId: principal.tokenId,
      centres: role === 'kiosk' ? [principal.centres?.[0] ?? ''] : principal.centres,
      name: role === 'agent' ? (principal.name ?? '') : '',
      kinds: [],
      available: false,
      callId: null,
      busyElsewhere: false,
      ringingRemote: new Set(),
      answering: null,
      link,
    });
    this.deliver(this.local.get(id)!, { type: 'welcome', role, party: id });
    this.deliver(this.local.get(id)!, this.presence(this.local.get(id)!));
    return id;
  }

  leave(partyId: string): void {
    const party = this.local.get(partyId);
    if (!party) return;
    // A call of another process hears of it when this process announces its agents without this one.
    this.leaveCall(party, 'peer_gone');
    this.local.delete(partyId);
    if (party.role === 'agent') this.announce();
    this.broadcastPresence();
  }

  /** Closes the sockets of revoked tokens at once (code 4403); their calls end as `peer_gone`. */
  revoke(tokenIds: ReadonlySet<string>): void {
    for (const party of [...this.local.values()])
      if (tokenIds.has(party.tokenId)) party.link.close(4403, 'revoked');
  }

  /** Handles one validated message of a local party; returns an error code for the sender, or null. */
  receive(partyId: string, message: ClientMessage): string | null {
    const party = this.local.get(partyId);
    if (!party) return 'unknown_party';
    switch (message.type) {
      case 'hello':
        return 'already_signed_in';
      case 'available':
        if (party.role !== 'agent') return 'forbidden';
        if (!party.name) return 'no_name';
        party.available = true;
        party.kinds = [...new Set(message.kinds)];
        this.announce();
        this.broadcastPresence();
        return null;
      case 'unavailable':
        if (party.role !== 'agent') return 'forbidden';
        party.available = false;
        this.announce();
        this.broadcastPresence();
        return null;
      case 'call':
        return this.startCall(party, message.kind);
      default: {
        if (ownerOf(message.callId) === this.node) return this.handleCallMessage(party, message);
        return this.toRemoteCall(party, message);
      }
    }
  }

  /** Kinds with at least one free agent serving `centre` (null: any centre). */
  freeKinds(centre: string | null = null): CallKind[] {
    const agents = this.agents().filter((p) => this.isFree(p) && (centre === null || serves(p, centre)));
    return CALL_KINDS.filter((kind) => agents.some((agent) => agent.kinds.includes(kind)));
  }

  /** Ends every call and forgets every party (hub shutdown); tells the other processes this one is gone. */
  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const call of this.calls.values()) if (call.timer) clearTimeout(call.timer);
    this.calls.clear();
    this.local.clear();
    this.remote.clear();
    this.options.bus?.publish({ t: 'bye', node: this.node });
  }

  // ---- messages about a call -------------------------------------------------------------------

  private handleCallMessage(party: Party, message: CallMessage): string | null {
    switch (message.type) {
      case 'answer':
        return this.answer(party, message.callId);
      case 'invite':
        return this.invite(party, message.callId, message.kind);
      case 'signal': {
        const call = this.callOf(party, message.callId);
        if (!call) return 'not_in_call';
        const others = this.members(call).filter((other) => other !== party);
        const target = message.to
          ? others.find((other) => other.id === message.to)
          : others.length === 1
            ? others[0]
            : undefined;
        if (!target) return 'no_such_peer';
        this.deliver(target, { type: 'signal', callId: call.id, from: party.id, data: message.data });
        return null;
      }
      case 'chat': {
        const call = this.callOf(party, message.callId);
        if (!call) return 'not_in_call';
        const from = party.role === 'kiosk' ? 'visitor' : 'agent';
        for (const other of this.members(call))
          if (other !== party)
            this.deliver(other, {
              type: 'chat',
              callId: call.id,
              from,
              name: party.name,
              text: message.text,
            });
        return null;
      }
      case 'hangup': {
        if (!this.callOf(party, message.callId) && !this.ringingCall(party, message.callId))
          return 'not_in_call';
        this.leaveCall(party, 'hangup');
        this.broadcastPresence();
        return null;
      }
    }
  }

  /** A local party's message about a call another process owns: checked here, decided there. */
  private toRemoteCall(party: Party, message: CallMessage): string | null {
    const callId = message.callId;
    if (message.type === 'answer') {
      if (party.role !== 'agent' || party.callId || party.answering || !party.ringingRemote.has(callId))
        return 'not_ringing';
      party.answering = callId;
    } else if (message.type === 'hangup') {
      if (party.callId !== callId && !party.ringingRemote.has(callId)) return 'not_in_call';
      party.ringingRemote.delete(callId);
      if (party.callId === callId) party.callId = null;
      this.announce();
    } else if (party.callId !== callId) return 'not_in_call';
    this.forward(party, message);
    return null;
  }

  private forward(party: Party, message: CallMessage): void {
    this.options.bus?.publish({
      t: 'act',
      to: ownerOf(message.callId),
      from: this.snapshotOf(party),
      message,
    });
  }

  // ---- the bus ---------------------------------------------------------------------------------

  private fromBus(message: BusMessage): void {
    if (message.t === 'agents') {
      if (message.node === this.node) return;
      this.lastHeard.set(message.node, Date.now());
      this.syncRemoteAgents(message.node, message.agents);
    } else if (message.t === 'bye') {
      if (message.node !== this.node) this.nodeGone(message.node);
    } else if (message.t === 'deliver') {
      if (message.to !== this.node) return;
      const party = this.local.get(message.party);
      if (party) this.deliver(party, message.message);
    } else if (message.to === this.node) {
      // An agent of another process acts on a call of this one.
      const proxy = this.upsertRemote(message.from);
      const act = message.message;
      if (!('callId' in act) || ownerOf(act.callId) !== this.node) return;
      const error = this.handleCallMessage(proxy, act);
      if (error) this.deliver(proxy, { type: 'error', code: error });
    }
  }

  private upsertRemote(snapshot: AgentSnapshot): Party {
    const found = this.remote.get(snapshot.id);
    const party: Party = found ?? {
      id: snapshot.id,
      node: snapshot.node,
      role: 'agent',
      tokenId: snapshot.tokenId,
      centres: snapshot.centres,
      name: snapshot.name,
      kinds: [],
      available: false,
      callId: null,
      busyElsewhere: false,
      ringingRemote: new Set(),
      answering: null,
      link: {
        send: (message) =>
          this.options.bus?.publish({ t: 'deliver', to: snapshot.node, party: snapshot.id, message }),
        close: () => undefined,
      },
    };
    party.kinds = snapshot.kinds;
    party.available = snapshot.available;
    party.busyElsewhere = snapshot.busy;
    this.remote.set(party.id, party);
    return party;
  }

  private syncRemoteAgents(node: string, agents: readonly AgentSnapshot[]): void {
    const present = new Set(agents.map((agent) => agent.id));
    for (const party of [...this.remote.values()])
      if (party.node === node && !present.has(party.id)) this.dropRemote(party);
    for (const agent of agents) this.upsertRemote(agent);
    this.broadcastPresence();
  }

  private dropRemote(party: Party): void {
    this.leaveCall(party, 'peer_gone');
    this.remote.delete(party.id);
  }

  private dropSilentNodes(nowMs: number): void {
    for (const [node, heard] of this.lastHeard) if (nowMs - heard > NODE_SILENCE_MS) this.nodeGone(node);
  }

  /** A process said bye or went silent: its agents leave, and local parties in its calls hear the end. */
  private nodeGone(node: string): void {
    this.lastHeard.delete(node);
    for (const party of [...this.remote.values()]) if (party.node === node) this.dropRemote(party);
    for (const party of this.local.values()) {
      for (const callId of [...party.ringingRemote])
        if (ownerOf(callId) === node) this.deliver(party, { type: 'ended', callId, reason: 'peer_gone' });
      if (party.callId && ownerOf(party.callId) === node)
        this.deliver(party, { type: 'ended', callId: party.callId, reason: 'peer_gone' });
    }
    this.broadcastPresence();
  }

  private snapshotOf(party: Party): AgentSnapshot {
    return {
      id: party.id,
      node: this.node,
      tokenId: party.tokenId,
      centres: party.centres === null ? null : [...party.centres],
      name: party.name,
      kinds: party.kinds,
      available: party.available,
      busy: party.callId !== null || party.answering !== null,
    };
  }

  /** Tells the other processes which agents this one holds (on every change and as a heartbeat). */
  private announce(): void {
    const agents = [...this.local.values()].filter((p) => p.role === 'agent').map((p) => this.snapshotOf(p));
    this.options.bus?.publish({ t: 'agents', node: this.node, agents });
  }

  // ---- delivery --------------------------------------------------------------------------------

  /**
   * Sends a message to a party. For a local party the exchange also learns from what it delivers about calls
   * of other processes: ringing, joined, ended.
   */
  private deliver(party: Party, message: ServerMessage): void {
    if (party.node === this.node && 'callId' in message && ownerOf(message.callId) !== this.node) {
      const before = party.callId !== null || party.answering !== null;
      if (message.type === 'ringing') party.ringingRemote.add(message.callId);
      if (message.type === 'connected' && party.answering === message.callId) {
        party.callId = message.callId;
        party.answering = null;
        party.ringingRemote.delete(message.callId);
      }
      if (message.type === 'ended') {
        party.ringingRemote.delete(message.callId);
        if (party.answering === message.callId) party.answering = null;
        if (party.callId === message.callId) party.callId = null;
      }
      if (before !== (party.callId !== null || party.answering !== null)) {
        this.announce();
        this.broadcastPresence();
      }
    }
    if (party.node === this.node && message.type === 'error' && party.answering) {
      party.answering = null;
      this.announce();
    }
    party.link.send(message);
  }

  private presence(party: Party): ServerMessage {
    const centre = party.role === 'kiosk' ? (party.centres?.[0] ?? '') : null;
    return { type: 'presence', roster: this.options.roster(), freeKinds: this.freeKinds(centre) };
  }

  private broadcastPresence(): void {
    for (const party of this.local.values()) party.link.send(this.presence(party));
  }

  // ---- calls owned here ------------------------------------------------------------------------

  private agents(): Party[] {
    return [...this.local.values(), ...this.remote.values()].filter((p) => p.role === 'agent');
  }

  private isFree(party: Party): boolean {
    return party.available && !party.callId && !party.busyElsewhere && !party.answering;
  }

  private members(call: Call): Party[] {
    return [call.kiosk, ...call.agents];
  }

  private callOf(party: Party, callId: string): Call | null {
    const call = this.calls.get(callId);
    return call && party.callId === callId && this.members(call).includes(party) ? call : null;
  }

  private ringingCall(party: Party, callId: string): Call | null {
    const call = this.calls.get(callId);
    return call?.ringing.has(party) ? call : null;
  }

  private freeAgents(kind: CallKind, centre: string): Party[] {
    return this.agents().filter((p) => this.isFree(p) && p.kinds.includes(kind) && serves(p, centre));
  }

  private startCall(kiosk: Party, kind: CallKind): string | null {
    if (kiosk.role !== 'kiosk') return 'forbidden';
    if (kiosk.callId) return 'already_in_call';
    const centre = kiosk.centres?.[0] ?? '';
    const agents = this.freeAgents(kind, centre);
    // The call id names this process, so messages about it from agents elsewhere find their way here.
    const id = `c-${this.node}${randomBytes(4).toString('hex')}`;
    if (agents.length === 0) {
      this.deliver(kiosk, { type: 'ended', callId: id, reason: 'no_agent' });
      return null;
    }
    const call: Call = { id, kind, kiosk, agents: [], ringing: new Set(agents), timer: null };
    call.timer = setTimeout(() => this.endCall(call, 'no_answer'), this.ringTimeoutMs);
    call.timer.unref();
    this.calls.set(id, call);
    kiosk.callId = id;
    this.deliver(kiosk, { type: 'calling', callId: id, kind });
    for (const agent of agents) this.deliver(agent, { type: 'ringing', callId: id, kind, invited: false });
    return null;
  }

  private answer(agent: Party, callId: string): string | null {
    const call = this.ringingCall(agent, callId);
    if (!call || agent.callId) return 'not_ringing';
    call.ringing.delete(agent);
    const invited = call.agents.length > 0;
    if (!invited) {
      if (call.timer) clearTimeout(call.timer);
      call.timer = null;
      // First answer wins; the others stop ringing.
      for (const other of call.ringing) this.deliver(other, { type: 'ended', callId, reason: 'taken' });
      call.ringing.clear();
    }
    // Busy now: stop ringing this agent for any other call.
    for (const other of this.calls.values()) other.ringing.delete(agent);
    const existing = this.members(call);
    call.agents.push(agent);
    agent.callId = callId;
    // Full mesh: every existing party offers to the newcomer.
    for (const member of existing) {
      this.deliver(member, {
        type: 'connected',
        callId,
        peer: agent.id,
        peerName: agent.name,
        makeOffer: true,
      });
      this.deliver(agent, {
        type: 'connected',
        callId,
        peer: member.id,
        peerName: member.role === 'agent' ? member.name : '',
        makeOffer: false,
      });
    }
    this.broadcastPresence();
    return null;
  }

  private invite(agent: Party, callId: string, kind: CallKind): string | null {
    const call = this.callOf(agent, callId);
    if (!call || agent.role !== 'agent') return 'not_in_call';
    const centre = call.kiosk.centres?.[0] ?? '';
    const candidates = this.freeAgents(kind, centre).filter((p) => !call.ringing.has(p));
    if (candidates.length === 0) return 'no_agent';
    for (const candidate of candidates) {
      call.ringing.add(candidate);
      this.deliver(candidate, { type: 'ringing', callId, kind, invited: true });
    }
    return null;
  }

  private leaveCall(party: Party, reason: EndReason): void {
    for (const call of this.calls.values()) {
      if (call.ringing.delete(party) && call.agents.length === 0 && call.ringing.size === 0)
        this.endCall(call, 'no_answer');
    }
    const call = party.callId ? this.calls.get(party.callId) : undefined;
    if (!call) return;
    party.callId = null;
    if (party === call.kiosk || call.agents.length <= 1) {
      this.endCall(call, reason, party);
      return;
    }
    call.agents = call.agents.filter((agent) => agent !== party);
    for (const member of this.members(call))
      this.deliver(member, { type: 'left', callId: call.id, party: party.id });
  }

  private endCall(call: Call, reason: EndReason, by?: Party): void {
    if (!this.calls.delete(call.id)) return;
    if (call.timer) clearTimeout(call.timer);
    for (const member of [...this.members(call), ...call.ringing]) {
      if (member.callId === call.id) member.callId = null;
      if (member !== by) this.deliver(member, { type: 'ended', callId: call.id, reason });
    }
    this.broadcastPresence();
  }
}
