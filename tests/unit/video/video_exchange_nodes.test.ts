import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../../common/video/signal_messages';
import type { Principal } from '../../../hub/storage/hub_store';
import { type BusMessage, busMessageSchema, type VideoBus } from '../../../hub/video/video_bus';
import { NODE_HEARTBEAT_MS, NODE_SILENCE_MS, VideoExchange } from '../../../hub/video/video_exchange';

/**
 * Hub processes joined by an in-memory bus that behaves like NOTIFY: every message reaches every process
 * (the sender too), checked against the bus schema, in order. `mute` makes one process fall silent (killed).
 */
function network() {
  const buses: { bus: VideoBus; handlers: ((m: BusMessage) => void)[]; muted: boolean }[] = [];
  const make = (): VideoBus & { mute(): void } => {
    const entry = { handlers: [] as ((m: BusMessage) => void)[], muted: false } as (typeof buses)[number];
    const bus = {
      node: randomBytes(4).toString('hex'),
      publish(message: BusMessage) {
        if (entry.muted) return;
        const checked = busMessageSchema.parse(JSON.parse(JSON.stringify(message)));
        for (const other of buses) for (const handler of other.handlers) handler(checked);
      },
      onMessage(handler: (m: BusMessage) => void) {
        entry.handlers.push(handler);
      },
      close: async () => undefined,
      mute() {
        entry.muted = true;
        entry.handlers.length = 0;
      },
    };
    entry.bus = bus;
    buses.push(entry);
    return bus;
  };
  return { make };
}

const kiosk = (id: string, centre: string): Principal => ({
  tokenId: `t-${id}`,
  role: 'terminal',
  terminalId: id,
  centres: [centre],
  name: null,
});
const agent = (id: string, centres: string[] | null, name: string): Principal => ({
  tokenId: `t-${id}`,
  role: 'staff',
  terminalId: null,
  centres,
  name,
});

function link() {
  const got: ServerMessage[] = [];
  const closed: number[] = [];
  return {
    got,
    link: { send: (m: ServerMessage) => got.push(m), close: (code: number) => closed.push(code) },
    closed,
  };
}

describe('calls across hub processes (in-memory bus)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const roster = () => ({ version: 1 as const, people: [] });

  it('a kiosk on one process reaches an agent of its centre on another; an agent of another centre is never rung', () => {
    const net = network();
    const a = new VideoExchange({ roster, bus: net.make() });
    const b = new VideoExchange({ roster, bus: net.make() });
    const k = link();
    const own = link();
    const other = link();
    const kioskId = a.join(k.link, kiosk('k1', 'centre-a'));
    const ownId = b.join(own.link, agent('s1', ['centre-a'], '李老师'));
    const otherId = b.join(other.link, agent('s2', ['centre-b'], '王老师'));
    b.receive(otherId, { type: 'available', kinds: ['interpreter'] });
    expect(a.freeKinds('centre-a')).toEqual([]);
    b.receive(ownId, { type: 'available', kinds: ['interpreter'] });
    expect(a.freeKinds('centre-a')).toEqual(['interpreter']);
    expect(a.receive(kioskId, { type: 'call', kind: 'interpreter' })).toBeNull();
    const { callId } = k.got.find((m) => m.type === 'calling') as { callId: string };
    expect(own.got).toContainEqual({ type: 'ringing', callId, kind: 'interpreter', invited: false });
    expect(other.got.some((m) => m.type === 'ringing')).toBe(false);
    expect(b.receive(otherId, { type: 'answer', callId })).toBe('not_ringing');
    expect(b.receive(ownId, { type: 'answer', callId })).toBeNull();
    expect(k.got).toContainEqual(
      expect.objectContaining({ type: 'connected', callId, peerName: '李老师', makeOffer: true }),
    );
    // Busy now, on both processes.
    expect(a.freeKinds('centre-a')).toEqual([]);
    b.receive(ownId, { type: 'chat', callId, text: '你好' });
    expect(k.got).toContainEqual({ type: 'chat', callId, from: 'agent', name: '李老师', text: '你好' });
    expect(b.receive(otherId, { type: 'chat', callId, text: 'x' })).toBe('not_in_call');
    a.receive(kioskId, { type: 'hangup', callId });
    expect(own.got).toContainEqual({ type: 'ended', callId, reason: 'hangup' });
    expect(a.freeKinds('centre-a')).toEqual(['interpreter']);
  });

  it('a process that falls silent: its agent leaves the call (peer_gone) and the presence of the others', () => {
    const net = network();
    const a = new VideoExchange({ roster, bus: net.make() });
    const busB = net.make();
    const b = new VideoExchange({ roster, bus: busB });
    const k = link();
    const kioskId = a.join(k.link, kiosk('k1', 'centre-a'));
    const agentId = b.join(link().link, agent('s1', null, '省级值班律师'));
    b.receive(agentId, { type: 'available', kinds: ['lawyer'] });
    a.receive(kioskId, { type: 'call', kind: 'lawyer' });
    const { callId } = k.got.find((m) => m.type === 'calling') as { callId: string };
    b.receive(agentId, { type: 'answer', callId });
    vi.advanceTimersByTime(NODE_HEARTBEAT_MS * 2);
    expect(k.got.some((m) => m.type === 'ended')).toBe(false);
    busB.mute();
    vi.advanceTimersByTime(NODE_SILENCE_MS + NODE_HEARTBEAT_MS);
    expect(k.got).toContainEqual({ type: 'ended', callId, reason: 'peer_gone' });
    expect(a.freeKinds('centre-a')).toEqual([]);
  });

  it('revoking a token closes its local sockets with 4403', () => {
    const exchange = new VideoExchange({ roster });
    const one = link();
    const two = link();
    exchange.join(one.link, agent('s1', null, 'A'));
    exchange.join(two.link, agent('s2', null, 'B'));
    exchange.revoke(new Set(['t-s1']));
    expect(one.closed).toEqual([4403]);
    expect(two.closed).toEqual([]);
  });
});
