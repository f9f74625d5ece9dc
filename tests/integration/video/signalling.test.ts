import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../sync/support/http_request';
import { type HubProcess, signedIn, startHubProcess, TestClient } from './hub_process';

const SDP = { sdp: { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } } as const;

describe('video signalling on the real hub process', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess();
  }, 40_000);
  afterAll(() => hub?.stop());

  async function stillServing(): Promise<void> {
    const health = await rawRequest(hub.url, { method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
  }

  it('refuses a wrong token and a connection that does not say hello first', async () => {
    const wrong = new TestClient(hub.url);
    await wrong.opened;
    wrong.send({ type: 'hello', token: 'hub.not-a-token' });
    expect(await wrong.closed).toBe(4401);
    expect(wrong.messages).toContainEqual({ type: 'error', code: 'unauthorized' });

    const noHello = new TestClient(hub.url);
    await noHello.opened;
    noHello.send({ type: 'call', kind: 'interpreter' });
    expect(await noHello.closed).toBe(4401);
    await stillServing();
  });

  it('refuses a page from another site (Origin check)', async () => {
    const foreign = new TestClient(hub.url, { origin: 'http://evil.example' });
    await expect(foreign.opened).rejects.toThrow(/403/);
  });

  it('connects kiosk and agent, relays SDP/ICE/chat only between them, hang-up ends it for both', async () => {
    const agent = await signedIn(hub.url, hub.tokens.agent1);
    agent.send({ type: 'available', kinds: ['interpreter'] });
    const kiosk = await signedIn(hub.url, hub.tokens.kioskA);
    const other = await signedIn(hub.url, hub.tokens.kioskB);
    await kiosk.next('presence', (m) => m.freeKinds.includes('interpreter'));

    kiosk.send({ type: 'call', kind: 'interpreter' });
    const calling = await kiosk.next('calling');
    const ringing = await agent.next('ringing');
    expect(ringing.callId).toBe(calling.callId);

    // A kiosk may not answer, and another kiosk cannot reach this call by its id.
    other.send({ type: 'answer', callId: calling.callId });
    expect(await other.next('error')).toEqual({ type: 'error', code: 'not_ringing' });
    other.send({ type: 'signal', callId: calling.callId, data: SDP });
    other.send({ type: 'chat', callId: calling.callId, text: 'hello from B' });
    other.send({ type: 'hangup', callId: calling.callId });
    for (let i = 0; i < 3; i++) expect((await other.next('error')).code).toBe('not_in_call');

    agent.send({ type: 'answer', callId: calling.callId });
    const kioskSide = await kiosk.next('connected');
    expect(kioskSide.makeOffer).toBe(true);
    expect(kioskSide.peerName).toBe('Agent One');
    const agentSide = await agent.next('connected');
    expect(agentSide.makeOffer).toBe(false);

    kiosk.send({ type: 'signal', callId: calling.callId, data: SDP });
    const relayed = await agent.next('signal');
    expect(relayed.data).toEqual(SDP);
    expect(relayed.from).toBe(kioskSide.callId && agentSide.peer);

    agent.send({ type: 'chat', callId: calling.callId, text: '你好，我是手语翻译' });
    expect((await kiosk.next('chat')).text).toBe('你好，我是手语翻译');
    kiosk.send({ type: 'chat', callId: calling.callId, text: 'thanks "$(rm -rf /)"\n' });
    expect((await agent.next('chat')).text).toBe('thanks "$(rm -rf /)"\n');

    // Nothing of the call reached the other kiosk, and no chat of B reached either party.
    expect(other.messages.filter((m) => m.type !== 'presence')).toEqual([]);
    expect(kiosk.messages.some((m) => m.type === 'chat')).toBe(false);

    agent.send({ type: 'hangup', callId: calling.callId });
    expect(await kiosk.next('ended')).toEqual({ type: 'ended', callId: calling.callId, reason: 'hangup' });
    await kiosk.next('presence', (m) => m.freeKinds.includes('interpreter'));
    for (const c of [agent, kiosk, other]) c.close();
  });

  it('says no_agent at once when nobody of that kind is free', async () => {
    const kiosk = await signedIn(hub.url, hub.tokens.kioskA);
    kiosk.send({ type: 'call', kind: 'notary' });
    expect((await kiosk.next('ended')).reason).toBe('no_agent');
    kiosk.close();
  });

  it('answers malformed and hostile frames with an error, closes after repeated abuse, keeps serving', async () => {
    const kiosk = await signedIn(hub.url, hub.tokens.kioskA);
    kiosk.raw('{not json');
    expect((await kiosk.next('error')).code).toBe('malformed');
    kiosk.send({ type: 'call', kind: 'interpreter', __proto__: { admin: true }, extra: 1 });
    expect((await kiosk.next('error')).code).toBe('malformed');
    kiosk.send({ type: 'chat', callId: 'c-0000000000000000', text: 'x'.repeat(1001) });
    expect((await kiosk.next('error')).code).toBe('malformed');
    kiosk.send({ type: 'call', kind: ['interpreter'] });
    kiosk.raw(Buffer.from([1, 2, 3]));
    expect(await kiosk.closed).toBe(4400);

    const huge = await signedIn(hub.url, hub.tokens.kioskA);
    huge.raw(JSON.stringify({ type: 'chat', callId: 'c-0000000000000000', text: 'y'.repeat(1024 * 1024) }));
    // ws closes a frame over maxPayload with 1009 (message too big).
    expect(await huge.closed).toBe(1009);
    await stillServing();
  });

  it('cuts off a flood from one connection and keeps serving others', async () => {
    const flooder = await signedIn(hub.url, hub.tokens.kioskB);
    for (let i = 0; i < 500; i++) flooder.send({ type: 'unavailable' });
    expect(await flooder.closed).toBe(4429);
    const fine = await signedIn(hub.url, hub.tokens.kioskA);
    fine.close();
    await stillServing();
  });

  it('serves the agent console page with a strict CSP and its bundled script', async () => {
    const page = await rawRequest(hub.url, { method: 'GET', path: '/agent' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('视频值班台');
    const script = await rawRequest(hub.url, { method: 'GET', path: '/agent/agent.js' });
    expect(script.status).toBe(200);
    expect(script.text).toContain('RTCPeerConnection');
  }, 30_000);
});
