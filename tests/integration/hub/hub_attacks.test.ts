import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { canonicalJson } from '../../../common/forms/canonical_json';
import { VIDEO_WS_PATH } from '../../../common/video/signal_messages';
import { createHubServer, listenHub } from '../../../hub/hub_server';
import type { HubStore, NewSubmission } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { HELLO_TIMEOUT_MS, MAX_UNAUTHENTICATED_PER_ADDRESS } from '../../../hub/video/video_socket';
import { createLogger } from '../../../node_shared/logger';
import { rawRequest } from '../sync/support/http_request';
import {
  enrollTerminal,
  publishFixture,
  startTestHub,
  type TestHub,
  tempDir,
} from '../sync/support/hub_harness';
import { signedIn, TestClient } from '../video/hub_process';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function application(terminalId: string, i: number, extra: Record<string, unknown> = {}): NewSubmission {
  const uuid = randomUUID();
  const payload = canonicalJson({
    formatVersion: 1,
    uuid,
    template: { id: 'sync_fixture_form', version: '1.0.0' },
    terminalId,
    receiptNo: `R-${String(i).padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    priority: false,
    assisted: false,
    answers: { topic: `topic ${i}` },
    feeReduction: null,
    ...extra,
  });
  return {
    uuid,
    centre: 'centre-a',
    envelope: {
      terminalId,
      templateId: 'sync_fixture_form',
      templateVersion: '1.0.0',
      payload,
      sha256: sha(payload),
      receiptNo: `R-${String(i).padStart(6, '0')}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      priority: 0,
      assisted: false,
    },
  };
}

/** A WebSocket to the hub's signalling from a chosen loopback address (a second machine behind no NAT). */
function socketFrom(url: string, localAddress: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + VIDEO_WS_PATH, { localAddress });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_req, res) =>
      resolve({ ws, closed: Promise.resolve(res.statusCode ?? 0) }),
    );
    ws.once('error', () => undefined);
  });
}

describe('issue 21 attacks on the hub, reproduced and refused', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // Plain HTTP on loopback: these attacks are on the desk and the sockets, not on the TLS in front of them.
    hub = await startTestHub({ plainHttp: true, rateLimit: { burst: 100_000, perSecond: 100_000 } });
  });
  afterAll(() => hub?.stop());

  it('the desk hides nothing past 20,000 rows: the newest opens and is marked handled, the oldest is one filter away', async () => {
    const staff = (await issueToken(hub.store, { role: 'staff', centres: ['centre-a'] }, new Date())).token;
    const rows = Array.from({ length: 20_182 }, (_, i) => application('kiosk-desk', i));
    for (let i = 0; i < rows.length; i += 1000)
      await hub.store.storeSubmissions(rows.slice(i, i + 1000), new Date().toISOString());
    const auth = { authorization: `Bearer ${staff}` };
    const get = (p: string) => fetch(`${hub.url}${p}`, { headers: auth });
    const newest = rows.at(-1)!;
    const first = await (await get('/desk')).text();
    expect(first).toContain(newest.envelope.receiptNo);
    expect(first).toContain('更早的申请');
    expect((await get(`/desk/s/${newest.uuid}`)).status).toBe(200);
    const marked = await fetch(`${hub.url}/desk/s/${newest.uuid}/handled`, {
      method: 'POST',
      headers: { ...auth, origin: hub.url },
      redirect: 'manual',
    });
    expect(marked.status).toBe(303);
    expect(await (await get('/desk?state=handled')).text()).toContain(newest.envelope.receiptNo);
    // The oldest, filed on 2026-11-01 in the hub's time zone, is on the first page of that day.
    const oldest = rows[0]!;
    const day = new Date(oldest.envelope.createdAt);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    let page = await (await get(`/desk?date=${date}&terminal=kiosk-desk`)).text();
    // Follow the "older" links of that day to its end: every row of the day is reachable.
    for (let hops = 0; !page.includes(oldest.envelope.receiptNo) && hops < 40; hops++) {
      const older = /href="(\/desk\?[^"]*before=\d+[^"]*)"/.exec(page.replace(/&#38;/g, '&'));
      expect(older, 'an older page link').not.toBeNull();
      page = await (await get(older![1]!)).text();
    }
    expect(page).toContain(oldest.envelope.receiptNo);
    expect((await get(`/desk/s/${oldest.uuid}`)).status).toBe(200);
  }, 120_000);

  it('refuses an envelope whose priority the answers do not give (queue jumping), storing nothing', async () => {
    const token = await enrollTerminal(hub.store, 'kiosk-prio');
    const item = application('kiosk-prio', 1);
    const before = await hub.store.countSubmissions();
    const put = (body: Record<string, unknown>) =>
      rawRequest(hub.url, {
        method: 'PUT',
        path: `/api/v1/submissions/${item.uuid}`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-kiosk-app-version': '0.1.0',
        },
        body: JSON.stringify(body),
      });
    expect(await put({ ...item.envelope, priority: 1 })).toMatchObject({
      status: 422,
      json: { error: 'invalid_payload' },
    });
    const flagged = application('kiosk-prio', 2, { priority: true });
    const answer = await rawRequest(hub.url, {
      method: 'PUT',
      path: `/api/v1/submissions/${flagged.uuid}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-kiosk-app-version': '0.1.0',
      },
      body: JSON.stringify({ ...flagged.envelope, priority: 1 }),
    });
    expect(answer).toMatchObject({ status: 422, json: { error: 'invalid_payload' } });
    expect((answer.json as { detail: string }).detail).toContain('priority');
    expect(await hub.store.countSubmissions()).toBe(before);
  });

  it('a staff token of centre B is never rung by a centre-A kiosk, cannot choose its name, hears no chat', async () => {
    const kiosk = await signedIn(hub.url, await enrollTerminal(hub.store, 'kiosk-centre-a', 'centre-a'));
    const intruderToken = (
      await issueToken(hub.store, { role: 'staff', centres: ['centre-b'], name: '王老师' }, new Date())
    ).token;
    const intruder = await signedIn(hub.url, intruderToken);
    // The name it wanted to show ("李老师（中心A）") is not part of the message any more: refused.
    intruder.send({ type: 'available', kinds: ['interpreter'], name: '李老师（中心A）' });
    expect(await intruder.next('error')).toEqual({ type: 'error', code: 'malformed' });
    intruder.send({ type: 'available', kinds: ['interpreter'] });
    await intruder.next('presence', (m) => m.freeKinds.includes('interpreter'));
    kiosk.send({ type: 'call', kind: 'interpreter' });
    expect((await kiosk.next('ended')).reason).toBe('no_agent');
    expect(intruder.messages.some((m) => m.type === 'ringing')).toBe(false);

    const ownToken = (
      await issueToken(hub.store, { role: 'staff', centres: ['centre-a'], name: '李老师' }, new Date())
    ).token;
    const own = await signedIn(hub.url, ownToken);
    own.send({ type: 'available', kinds: ['interpreter'] });
    await kiosk.next('presence', (m) => m.freeKinds.includes('interpreter'));
    kiosk.send({ type: 'call', kind: 'interpreter' });
    const { callId } = await kiosk.next('calling');
    await own.next('ringing');
    // The intruder cannot answer or reach the call by its id.
    intruder.send({ type: 'answer', callId });
    expect(await intruder.next('error')).toEqual({ type: 'error', code: 'not_ringing' });
    own.send({ type: 'answer', callId });
    expect((await kiosk.next('connected')).peerName).toBe('李老师');
    kiosk.send({ type: 'chat', callId, text: '我的身份证号是 110105194912310021' });
    await own.next('chat');
    intruder.send({ type: 'chat', callId, text: 'hi' });
    expect(await intruder.next('error')).toEqual({ type: 'error', code: 'not_in_call' });
    expect(intruder.messages.some((m) => m.type === 'chat')).toBe(false);
    // A staff token without a recorded name cannot take calls at all.
    const unnamed = await signedIn(
      hub.url,
      (await issueToken(hub.store, { role: 'staff', centres: ['centre-a'] }, new Date())).token,
    );
    unnamed.send({ type: 'available', kinds: ['lawyer'] });
    expect(await unnamed.next('error')).toEqual({ type: 'error', code: 'no_name' });
    for (const client of [kiosk, intruder, own, unnamed]) client.close();
  });

  it('500 sockets that never sign in from one address crowd out nobody else, and close after the hello timeout', async () => {
    const idle = await Promise.all(Array.from({ length: 500 }, () => socketFrom(hub.url, '127.0.0.2')));
    const accepted = idle.filter(({ ws }) => ws.readyState === WebSocket.OPEN);
    expect(accepted).toHaveLength(MAX_UNAUTHENTICATED_PER_ADDRESS);
    // A kiosk elsewhere signs in at once.
    const kiosk = await signedIn(hub.url, await enrollTerminal(hub.store, 'kiosk-dos', 'centre-a'));
    expect(kiosk.messages.some((m) => m.type === 'presence')).toBe(true);
    const started = Date.now();
    expect(await Promise.all(accepted.map(({ closed }) => closed))).toEqual(accepted.map(() => 4401));
    expect(Date.now() - started).toBeLessThan(HELLO_TIMEOUT_MS + 1_500);
    for (const { ws } of idle) ws.terminate();
    kiosk.close();
  }, 30_000);

  it('bad logins from one address never block a valid terminal behind the same address', async () => {
    const token = await enrollTerminal(hub.store, 'kiosk-nat', 'centre-a');
    const manifest = (bearer: string) =>
      rawRequest(hub.url, {
        method: 'GET',
        path: '/api/v1/manifest',
        headers: { authorization: `Bearer ${bearer}`, 'x-kiosk-app-version': '0.1.0' },
      });
    const wrong = `${token.slice(0, -4)}AAAA`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await manifest(wrong)).status);
    // The same wrong token is slowed down (429) after a few tries ...
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
    // ... and so many different wrong ones are refused, while the right token from the same address works.
    for (let i = 0; i < 50; i++)
      expect((await manifest(`kh1.0000000000000000.${'x'.repeat(40)}${i}`)).status).toBe(401);
    expect((await manifest(token)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const guess = new TestClient(hub.url);
      await guess.opened;
      guess.send({ type: 'hello', token: `${wrong}${i}` });
      await guess.closed;
    }
    const kiosk = await signedIn(hub.url, token);
    kiosk.close();
  }, 30_000);
});

describe('revocation and retention on a SQLite hub', () => {
  it('revoking with the token command closes the open socket of that token at once', async () => {
    const hub = await startTestHub();
    try {
      const issued = await issueToken(
        hub.store,
        { role: 'staff', centres: ['centre-a'], name: '周老师' },
        new Date(),
      );
      const agent = await signedIn(hub.url, issued.token);
      const started = Date.now();
      await promisify(execFile)(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          'hub/token_cli.ts',
          '--data',
          hub.dataDir,
          '--revoke',
          issued.tokenId,
        ],
        { cwd: ROOT },
      );
      expect(await agent.closed).toBe(4403);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await hub.stop();
    }
  }, 30_000);

  it('purges the answers of an application handled more than the retention period ago; the desk says so', async () => {
    const dataDir = tempDir('hub-retention');
    const store: HubStore = openSqliteHubStore(dataDir);
    await publishFixture(store);
    const [old, fresh] = [application('kiosk-r', 1), application('kiosk-r', 2)];
    await store.storeSubmissions([old!, fresh!], '2026-01-01T00:00:00.000Z');
    await store.setDeskState({
      uuid: old!.uuid,
      state: 'handled',
      at: '2026-01-02T00:00:00.000Z',
      by: 'tok-x',
    });
    await store.setDeskState({
      uuid: fresh!.uuid,
      state: 'handled',
      at: '2026-06-01T00:00:00.000Z',
      by: 'tok-x',
    });
    const staff = (await issueToken(store, { role: 'staff', centres: null }, new Date())).token;
    // 180 days after the first was handled, not yet after the second.
    const now = () => new Date('2026-07-02T00:00:00.000Z');
    const hub = await listenHub(
      createHubServer({ store, logger: createLogger(() => {}), now, retentionDays: 180 }),
      0,
    );
    try {
      await expect
        .poll(async () => (await store.deskEntry(old!.uuid))?.purgedAt)
        .toBe('2026-07-02T00:00:00.000Z');
      expect((await store.deskEntry(fresh!.uuid))?.submission.payload).toBe(fresh!.envelope.payload);
      const page = await (
        await fetch(`${hub.url}/desk/s/${old!.uuid}?lang=en`, {
          headers: { authorization: `Bearer ${staff}` },
        })
      ).text();
      expect(page).toContain('180 days after it was handled');
      expect(page).not.toContain('topic 1');
      const pdf = await fetch(`${hub.url}/desk/s/${old!.uuid}/application.pdf`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      expect(pdf.status).toBe(410);
    } finally {
      await hub.close();
      await store.close();
    }
  });
});
