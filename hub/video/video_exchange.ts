import { randomBytes } from 'node:crypto';
import { CALL_KINDS, type CallKind, type Roster } from '../../common/video/roster';
import {
  type ClientMessage,
  type EndReason,
  RING_TIMEOUT_MS,
  type ServerMessage,
} from '../../common/video/signal_messages';
import type { Principal } from '../storage/hub_store';

/** One open signalling connection, seen through what the exchange needs of it. */
export interface PartyLink {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

interface Party {
  id: string;
  role: 'kiosk' | 'agent';
  link: PartyLink;
  principal: Principal;
  name: string;
  kinds: CallKind[];
  available: boolean;
  callId: string | null;
}

interface Call {
  id: string;
  kind: CallKind;
  kiosk: Party;
  /** Agents in the call (answered). */
  agents: Party[];
  /** Agents being rung, with the kind they are rung for. */
  ringing: Set<Party>;
  timer: NodeJS.Timeout | null;
}

export interface ExchangeOptions {
  roster: () => Roster;
  ringTimeoutMs?: number;
}

/**
 * Presence and call routing, independent of the socket library. Every relay goes only between parties of
 * the same call: a kiosk addresses nobody by id, so it can never reach another kiosk's call.
 */
export class VideoExchange {
  private readonly parties = new Map<string, Party>();
  private readonly calls = new Map<string, Call>();
  private readonly ringTimeoutMs: number;

  constructor(private readonly options: ExchangeOptions) {
    this.ringTimeoutMs = options.ringTimeoutMs ?? RING_TIMEOUT_MS;
  }

  /** Registers an authenticated connection; returns its party id. */
  join(link: PartyLink, principal: Principal): string {
    const role = principal.role === 'terminal' ? 'kiosk' : 'agent';
    const id = `p-${randomBytes(6).toString('hex')}`;
    const party: Party = { id, role, link, principal, name: '', kinds: [], available: false, callId: null };
    this.parties.set(id, party);
    link.send({ type: 'welcome', role, party: id });
    link.send(this.presence());
    return id;
  }

  leave(partyId: string): void {
    const party = this.parties.get(partyId);
    if (!party) return;
    this.leaveCall(party, 'peer_gone');
    this.parties.delete(partyId);
    this.broadcastPresence();
  }

  /** Handles one validated message; returns an error code for the sender, or null. */
  receive(partyId: string, message: ClientMessage): string | null {
    const party = this.parties.get(partyId);
    if (!party) return 'unknown_party';
    switch (message.type) {
      case 'hello':
        return 'already_signed_in';
      case 'available':
        if (party.role !== 'agent') return 'forbidden';
        party.available = true;
        party.kinds = [...new Set(message.kinds)];
        party.name = message.name;
        this.broadcastPresence();
        return null;
      case 'unavailable':
        if (party.role !== 'agent') return 'forbidden';
        party.available = false;
        this.broadcastPresence();
        return null;
      case 'call':
        return this.startCall(party, message.kind);
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
        target.link.send({ type: 'signal', callId: call.id, from: party.id, data: message.data });
        return null;
      }
      case 'chat': {
        const call = this.callOf(party, message.callId);
        if (!call) return 'not_in_call';
        const from = party.role === 'kiosk' ? 'visitor' : 'agent';
        for (const other of this.members(call))
          if (other !== party)
            other.link.send({ type: 'chat', callId: call.id, from, name: party.name, text: message.text });
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

  /** Kinds with at least one free agent (signed in, available, not in a call). */
  freeKinds(): CallKind[] {
    return CALL_KINDS.filter((kind) =>
      [...this.parties.values()].some(
        (p) => p.role === 'agent' && p.available && !p.callId && p.kinds.includes(kind),
      ),
    );
  }

  /** Ends every call and forgets every party (hub shutdown). */
  close(): void {
    for (const call of this.calls.values()) if (call.timer) clearTimeout(call.timer);
    this.calls.clear();
    this.parties.clear();
  }

  private presence(): ServerMessage {
    return { type: 'presence', roster: this.options.roster(), freeKinds: this.freeKinds() };
  }

  private broadcastPresence(): void {
    const message = this.presence();
    for (const party of this.parties.values()) party.link.send(message);
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

  private freeAgents(kind: CallKind): Party[] {
    return [...this.parties.values()].filter(
      (p) => p.role === 'agent' && p.available && !p.callId && p.kinds.includes(kind),
    );
  }

  private startCall(kiosk: Party, kind: CallKind): string | null {
    if (kiosk.role !== 'kiosk') return 'forbidden';
    if (kiosk.callId) return 'already_in_call';
    const agents = this.freeAgents(kind);
    const id = `c-${randomBytes(8).toString('hex')}`;
    if (agents.length === 0) {
      kiosk.link.send({ type: 'ended', callId: id, reason: 'no_agent' });
      return null;
    }
    const call: Call = { id, kind, kiosk, agents: [], ringing: new Set(agents), timer: null };
    call.timer = setTimeout(() => this.endCall(call, 'no_answer'), this.ringTimeoutMs);
    call.timer.unref();
    this.calls.set(id, call);
    kiosk.callId = id;
    kiosk.link.send({ type: 'calling', callId: id, kind });
    for (const agent of agents) agent.link.send({ type: 'ringing', callId: id, kind, invited: false });
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
      for (const other of call.ringing) other.link.send({ type: 'ended', callId, reason: 'taken' });
      call.ringing.clear();
    }
    // Busy now: stop ringing this agent for any other call.
    for (const other of this.calls.values()) other.ringing.delete(agent);
    const existing = this.members(call);
    call.agents.push(agent);
    agent.callId = callId;
    // Full mesh: every existing party offers to the newcomer.
    for (const member of existing) {
      member.link.send({ type: 'connected', callId, peer: agent.id, peerName: agent.name, makeOffer: true });
      agent.link.send({
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
    const candidates = this.freeAgents(kind).filter((p) => !call.ringing.has(p));
    if (candidates.length === 0) return 'no_agent';
    for (const candidate of candidates) {
      call.ringing.add(candidate);
      candidate.link.send({ type: 'ringing', callId, kind, invited: true });
    }
    return null;
  }

  private leaveCall(party: Party, reason: EndReason): void {
    for (const call of this.calls.values()) {
      if (call.ringing.delete(party) && call.agents.length === 0 && call.ringing.size === 0)
        this.endCall(call, 'no_answer');
    }
    const call = party.callId ? this.calls.get(party.callId) : undefined;
    party.callId = null;
    if (!call) return;
    if (party === call.kiosk || call.agents.length <= 1) {
      this.endCall(call, reason, party);
      return;
    }
    call.agents = call.agents.filter((agent) => agent !== party);
    for (const member of this.members(call))
      member.link.send({ type: 'left', callId: call.id, party: party.id });
  }

  private endCall(call: Call, reason: EndReason, by?: Party): void {
    if (!this.calls.delete(call.id)) return;
    if (call.timer) clearTimeout(call.timer);
    for (const member of [...this.members(call), ...call.ringing]) {
      if (member.callId === call.id) member.callId = null;
      if (member !== by) member.link.send({ type: 'ended', callId: call.id, reason });
    }
    this.broadcastPresence();
  }
}
