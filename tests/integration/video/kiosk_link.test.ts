import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import type { Roster } from '../../../common/video/roster';
import { EventBus } from '../../../core/event_bus';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { VideoLink } from '../../../core/video/video_link';
import { createLogger } from '../../../node_shared/logger';
import { testEndpoint } from '../../support/test_pki';
import { type HubProcess, signedIn, startHubProcess } from './hub_process';

/** What this terminal downloaded for its centre: presence carries it, whatever the socket says. */
const LOCAL_ROSTER: Roster = {
  version: 1,
  people: [
    {
      id: 'm1',
      kind: 'mediator',
      name: '调解员',
      weekly: [{ day: 1, from: '09:00', to: '10:00' }],
      exceptions: [],
    },
  ],
};

/** The core's link (what the call screen uses over RPC) against the real hub process. */
describe('kiosk core signalling link', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess();
  }, 40_000);
  afterAll(() => hub?.stop());

  function link(token: string, url = hub.url) {
    const events = new EventBus();
    const logger = createLogger(() => {});
    const seen: { name: EventName; payload: unknown }[] = [];
    events.attach((name, payload) => seen.push({ name, payload }));
    return {
      link: new VideoLink(
        testEndpoint(url),
        token,
        events,
        logger,
        new HubIdentityWatch(logger, () => new Date()),
        () => LOCAL_ROSTER,
      ),
      seen,
    };
  }

  it('opens with the terminal token, passes presence on as events, and calls through the hub', async () => {
    const agent = await signedIn(hub.url, hub.tokens.agent2);
    agent.send({ type: 'available', kinds: ['lawyer'] });
    await agent.next('presence', (m) => m.freeKinds.includes('lawyer'));
    const { link: kiosk, seen } = link(hub.tokens.kioskA);
    expect(await kiosk.open()).toEqual({ ok: true });
    // A call screen that opens later on the same live link gets the presence it missed as a snapshot.
    await expect.poll(() => kiosk.latestPresence()?.freeKinds).toContain('lawyer');
    expect(await kiosk.open()).toEqual({ ok: true });
    expect(kiosk.latestPresence()?.freeKinds).toContain('lawyer');
    expect(kiosk.latestPresence()?.roster).toEqual(LOCAL_ROSTER);
    expect(kiosk.send({ type: 'call', kind: 'lawyer' })).toBe(true);
    const ringing = await agent.next('ringing');
    await expect
      .poll(() =>
        seen.some((e) => e.name === 'video.message' && (e.payload as { type: string }).type === 'calling'),
      )
      .toBe(true);
    kiosk.send({ type: 'hangup', callId: ringing.callId });
    expect((await agent.next('ended')).callId).toBe(ringing.callId);
    kiosk.close();
    expect(kiosk.latestPresence()).toBeNull();
    agent.close();
  });

  it('says refused for a revoked or wrong token, hub_unreachable for a dead address', async () => {
    expect(await link('hub.wrong-token').link.open()).toEqual({ ok: false, reason: 'refused' });
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const free = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(free));
      });
    });
    const dead = link(hub.tokens.kioskA, `https://127.0.0.1:${port}`).link;
    expect(await dead.open()).toEqual({ ok: false, reason: 'hub_unreachable' });
    expect(dead.send({ type: 'call', kind: 'lawyer' })).toBe(false);
  });
});
