import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/forms/canonical_json';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openPostgresHubStore } from '../../../hub/storage/postgres_hub_store';
import { issueToken } from '../../../hub/tokens';
import { bundleEntry, type Child, killHard, startChild } from '../sync/support/child_process_harness';
import { rawRequest } from '../sync/support/http_request';
import { enrollTerminal, publishFixture, tempDir } from '../sync/support/hub_harness';
import { startKioskCore } from '../sync/support/kiosk_core_harness';
import { fileSubmissions, outboxStates, waitFor } from '../sync/support/kiosk_harness';
import { signedIn, TestClient } from '../video/hub_process';
import { startFailoverProxy } from './support/failover_proxy';
import { type PgCluster, startPgCluster } from './support/pg_cluster';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let cluster: PgCluster;
let db: string;
let store: HubStore;
let script: string;
const processes: { child: Child; url: string; port: number }[] = [];

/** One hub process (`hub/main.ts`, bundled) on the shared PostgreSQL; `port` 0 picks a free one. */
async function startHub(port = 0): Promise<{ child: Child; url: string; port: number }> {
  const child = startChild(
    script,
    ['--port', String(port), '--data', tempDir('cluster-hub'), '--db', db, '--rate-burst', '10000'],
    /"url":"[^"]+"/,
    {},
    30_000,
  );
  const url = JSON.parse(`{${await child.ready}}`).url as string;
  const started = { child, url, port: Number(new URL(url).port) };
  processes.push(started);
  return started;
}

function envelope(uuid: string, topic: string) {
  const payload = canonicalJson({
    formatVersion: 1,
    uuid,
    template: { id: 'sync_fixture_form', version: '1.0.0' },
    terminalId: 'kiosk-1',
    centreId: 'centre-a',
    receiptNo: 'R-1',
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: false,
    assisted: false,
    answers: { topic },
    feeReduction: null,
  });
  return JSON.stringify({
    terminalId: 'kiosk-1',
    templateId: 'sync_fixture_form',
    templateVersion: '1.0.0',
    payload,
    sha256: createHash('sha256').update(payload).digest('hex'),
    receiptNo: 'R-1',
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: 0,
    assisted: false,
  });
}

beforeAll(async () => {
  cluster = await startPgCluster();
  db = cluster.createDatabase('province');
  store = await openPostgresHubStore(db);
  await publishFixture(store);
  script = await bundleEntry(path.join(ROOT, 'hub/main.ts'), 'cluster_hub');
  await startHub();
  await startHub();
}, 90_000);

afterAll(async () => {
  for (const { child } of processes) await killHard(child);
  await store?.close();
  cluster?.stop();
});

describe('several hub processes on one PostgreSQL', () => {
  it('24 concurrent duplicate PUTs, half to each process, store one row; racing contents get one 201', async () => {
    const token = await enrollTerminal(store, 'kiosk-1');
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-kiosk-app-version': '0.1.0',
    };
    const put = (i: number, uuid: string, text: string) =>
      rawRequest(processes[i % 2]!.url, {
        method: 'PUT',
        path: `/api/v1/submissions/${uuid}`,
        headers,
        body: text,
      });
    const same = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => put(i, same, envelope(same, 'one'))),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(23);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    const contested = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => put(i, contested, envelope(contested, `topic ${i}`))),
    );
    expect(racing.filter((a) => a.status === 201)).toHaveLength(1);
    expect(racing.filter((a) => a.status === 409)).toHaveLength(19);
    const rows = await store.listSubmissions({ since: 0, limit: 100 });
    expect(rows.map((row) => row.uuid).sort()).toEqual([same, contested].sort());
  }, 30_000);

  it('connects a kiosk on one process with an agent on the other: ringing, a large offer, chat, hang-up', async () => {
    const kioskToken = await enrollTerminal(store, 'kiosk-v', 'centre-a');
    const agentToken = (
      await issueToken(store, { role: 'staff', centres: ['centre-a'], name: '李老师' }, new Date())
    ).token;
    const otherCentre = (
      await issueToken(store, { role: 'staff', centres: ['centre-b'], name: '王老师' }, new Date())
    ).token;
    const [a, b] = processes;
    const stranger = await signedIn(a!.url, otherCentre);
    stranger.send({ type: 'available', kinds: ['interpreter'] });
    const agent = await signedIn(b!.url, agentToken);
    agent.send({ type: 'available', kinds: ['interpreter'] });
    const kiosk = await signedIn(a!.url, kioskToken);
    // The presence of process A learns of the agent on B over LISTEN/NOTIFY.
    await kiosk.next('presence', (m) => m.freeKinds.includes('interpreter'), 10_000);
    kiosk.send({ type: 'call', kind: 'interpreter' });
    const calling = await kiosk.next('calling');
    const ringing = await agent.next('ringing');
    expect(ringing.callId).toBe(calling.callId);
    agent.send({ type: 'answer', callId: calling.callId });
    const kioskSide = await kiosk.next('connected');
    expect(kioskSide.peerName).toBe('李老师');
    expect((await agent.next('connected')).makeOffer).toBe(false);
    // An SDP larger than a NOTIFY payload travels through the overflow table.
    const offer = { sdp: { type: 'offer' as const, sdp: `v=0\r\n${'a=candidate:x\r\n'.repeat(1400)}` } };
    kiosk.send({ type: 'signal', callId: calling.callId, data: offer });
    expect((await agent.next('signal')).data).toEqual(offer);
    agent.send({ type: 'chat', callId: calling.callId, text: '你好，我是手语翻译' });
    expect((await kiosk.next('chat')).name).toBe('李老师');
    kiosk.send({ type: 'chat', callId: calling.callId, text: 'ID 110105194912310021' });
    expect((await agent.next('chat')).text).toBe('ID 110105194912310021');
    // The agent of centre B was never rung and heard nothing of the call.
    expect(stranger.messages.filter((m) => m.type !== 'presence')).toEqual([]);
    agent.send({ type: 'hangup', callId: calling.callId });
    expect(await kiosk.next('ended')).toEqual({ type: 'ended', callId: calling.callId, reason: 'hangup' });
    for (const client of [stranger, agent, kiosk]) client.close();
  }, 30_000);

  it('a roster published once reaches the kiosks of every process', async () => {
    const roster = {
      version: 1,
      label: '东河区 12 月',
      people: [
        {
          id: 'wang',
          kind: 'lawyer',
          name: '值班律师 王律师',
          weekly: [{ day: 1, from: '09:00', to: '12:00' }],
          exceptions: [],
        },
      ],
    };
    await store.setRoster(JSON.stringify(roster), new Date().toISOString());
    const kioskToken = await enrollTerminal(store, 'kiosk-roster', 'centre-a');
    await expect
      .poll(
        async () => {
          const kiosk = await signedIn(processes[1]!.url, kioskToken);
          const presence = await kiosk.next('presence');
          kiosk.close();
          return presence.roster.label;
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe('东河区 12 月');
  }, 20_000);

  it('revoking a token closes its socket on the process that holds it at once', async () => {
    const issued = await issueToken(
      store,
      { role: 'staff', centres: ['centre-a'], name: '赵老师' },
      new Date(),
    );
    const agent = await signedIn(processes[1]!.url, issued.token);
    const revokedAt = Date.now();
    expect(await store.revokeToken(issued.tokenId, new Date().toISOString())).toBe(true);
    expect(await agent.closed).toBe(4403);
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
    const again = new TestClient(processes[0]!.url);
    await again.opened;
    again.send({ type: 'hello', token: issued.token });
    expect(await again.closed).toBe(4401);
  }, 15_000);

  it('an agent process killed mid-call ends the call for the kiosk (peer_gone) and its agent leaves the presence', async () => {
    const kioskToken = await enrollTerminal(store, 'kiosk-w', 'centre-a');
    const agentToken = (
      await issueToken(store, { role: 'staff', centres: ['centre-a'], name: '钱老师' }, new Date())
    ).token;
    const doomed = await startHub();
    const agent = await signedIn(doomed.url, agentToken);
    agent.send({ type: 'available', kinds: ['lawyer'] });
    const kiosk = await signedIn(processes[0]!.url, kioskToken);
    await kiosk.next('presence', (m) => m.freeKinds.includes('lawyer'), 10_000);
    kiosk.send({ type: 'call', kind: 'lawyer' });
    const { callId } = await kiosk.next('calling');
    await agent.next('ringing');
    agent.send({ type: 'answer', callId });
    await kiosk.next('connected');
    await killHard(doomed.child);
    expect(await kiosk.next('ended', (m) => m.callId === callId, 15_000)).toEqual({
      type: 'ended',
      callId,
      reason: 'peer_gone',
    });
    await kiosk.next('presence', (m) => !m.freeKinds.includes('lawyer'), 5_000);
    kiosk.close();
  }, 40_000);

  it('kill -9 of one process during a batch: the load balancer sends the retry to the other, nothing is lost or doubled', async () => {
    const token = await enrollTerminal(store, 'kiosk-batch', 'centre-a');
    const [a, b] = processes;
    const proxy = await startFailoverProxy([a!.port, b!.port]);
    const core = startKioskCore(proxy.url, token, { terminalId: 'kiosk-batch', sync: { batchSize: 20 } });
    try {
      const kioskDb = core.deps.db;
      const filed = fileSubmissions(kioskDb, 'kiosk-batch', 400);
      const delivered = () =>
        (kioskDb.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'delivered'").get() as { n: number })
          .n;
      expect(await waitFor(() => delivered() > 40, 20_000, 2)).toBe(true);
      await killHard(a!.child);
      for (const [uuid, sha] of fileSubmissions(kioskDb, 'kiosk-batch', 50)) filed.set(uuid, sha);
      expect(await waitFor(() => outboxStates(kioskDb).pending === undefined, 60_000, 50)).toBe(true);
      const rows = (await store.listSubmissions({ since: 0, limit: 10_000 })).filter(
        (row) => row.terminalId === 'kiosk-batch',
      );
      expect(rows).toHaveLength(filed.size);
      expect(new Map(rows.map((row) => [row.uuid, row.sha256]))).toEqual(filed);
    } finally {
      core.close();
      await proxy.close();
    }
  }, 90_000);
});
