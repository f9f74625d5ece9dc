import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../../common/video/signal_messages';
import type { Principal } from '../../../hub/storage/hub_store';
import { VideoExchange } from '../../../hub/video/video_exchange';

const terminal = (id: string, centre = 'c'): Principal => ({
  tokenId: `t-${id}`,
  role: 'terminal',
  terminalId: id,
  centres: [centre],
  name: null,
});
const staff: Principal = { tokenId: 's', role: 'staff', terminalId: null, centres: null, name: 'A' };

function link() {
  const got: ServerMessage[] = [];
  return { got, link: { send: (m: ServerMessage) => got.push(m), close: () => {} } };
}

describe('call routing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const exchange = new VideoExchange({ roster: () => ({ version: 1, people: [] }) });
    const kiosk = link();
    const agents = [link(), link()];
    const kioskId = exchange.join(kiosk.link, terminal('k1'));
    const agentIds = agents.map((a) => exchange.join(a.link, staff));
    for (const id of agentIds) exchange.receive(id, { type: 'available', kinds: ['interpreter', 'lawyer'] });
    return { exchange, kiosk, agents, kioskId, agentIds };
  }

  it('ends with no_answer after 60 s of ringing and frees the agents', () => {
    const { exchange, kiosk, agents, kioskId } = setup();
    exchange.receive(kioskId, { type: 'call', kind: 'interpreter' });
    const callId = (kiosk.got.find((m) => m.type === 'calling') as { callId: string }).callId;
    vi.advanceTimersByTime(59_000);
    expect(kiosk.got.some((m) => m.type === 'ended')).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(kiosk.got).toContainEqual({ type: 'ended', callId, reason: 'no_answer' });
    expect(agents[0]!.got).toContainEqual({ type: 'ended', callId, reason: 'no_answer' });
    expect(exchange.freeKinds()).toEqual(['interpreter', 'lawyer']);
  });

  it('first answer wins; the other agent stops ringing; an invite brings a second agent into a mesh', () => {
    const { exchange, kiosk, agents, kioskId, agentIds } = setup();
    exchange.receive(kioskId, { type: 'call', kind: 'interpreter' });
    const callId = (kiosk.got.find((m) => m.type === 'calling') as { callId: string }).callId;
    expect(exchange.receive(agentIds[0]!, { type: 'answer', callId })).toBeNull();
    expect(agents[1]!.got).toContainEqual({ type: 'ended', callId, reason: 'taken' });
    expect(exchange.receive(agentIds[1]!, { type: 'answer', callId })).toBe('not_ringing');
    // The interpreter brings in a lawyer: the kiosk and the interpreter both offer to the newcomer.
    expect(exchange.receive(agentIds[0]!, { type: 'invite', callId, kind: 'lawyer' })).toBeNull();
    expect(exchange.receive(agentIds[1]!, { type: 'answer', callId })).toBeNull();
    const offersToNewcomer = [kiosk, agents[0]!].map((p) =>
      p.got.filter((m) => m.type === 'connected' && m.peer === agentIds[1]),
    );
    expect(offersToNewcomer.map((list) => list.length)).toEqual([1, 1]);
    // The lawyer leaves: the call goes on; the visitor hangs up: it ends for everyone.
    exchange.receive(agentIds[1]!, { type: 'hangup', callId });
    expect(kiosk.got).toContainEqual({ type: 'left', callId, party: agentIds[1] });
    exchange.receive(kioskId, { type: 'hangup', callId });
    expect(agents[0]!.got).toContainEqual({ type: 'ended', callId, reason: 'hangup' });
  });

  it('an agent that disconnects mid-call ends it as peer_gone', () => {
    const { exchange, kiosk, kioskId, agentIds } = setup();
    exchange.receive(kioskId, { type: 'call', kind: 'lawyer' });
    const callId = (kiosk.got.find((m) => m.type === 'calling') as { callId: string }).callId;
    exchange.receive(agentIds[1]!, { type: 'answer', callId });
    exchange.leave(agentIds[1]!);
    expect(kiosk.got).toContainEqual({ type: 'ended', callId, reason: 'peer_gone' });
  });

  it('a kiosk cannot mark itself available, answer or invite', () => {
    const { exchange, kioskId } = setup();
    expect(exchange.receive(kioskId, { type: 'available', kinds: ['lawyer'] })).toBe('forbidden');
    expect(exchange.receive(kioskId, { type: 'answer', callId: 'c-0000000000000000' })).toBe('not_ringing');
  });
});
