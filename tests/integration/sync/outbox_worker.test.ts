import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeDelivered } from '../../../core/sync/retention';
import { allStored, enrollTerminal, startTestHub, type TestHub } from './support/hub_harness';
import { startKioskCore, unlockStaff } from './support/kiosk_core_harness';
import { fileSubmissions, outboxStates, waitFor, waitForAsync } from './support/kiosk_harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubWithKiosk() {
  const hub = await startTestHub();
  cleanups.push(() => hub.stop());
  const core = startKioskCore(hub.url, await enrollTerminal(hub.store, 'kiosk-1'));
  cleanups.push(() => core.close());
  return { hub, core, db: core.deps.db };
}

/** A server that is not the hub: answers every request with `status`, `type` and `body`; counts sends. */
async function impostor(status: number, type: string, body: string, headers: Record<string, string> = {}) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') requests++;
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

async function statusOf(hub: TestHub) {
  return new Map((await allStored(hub.store)).map((row) => [row.uuid, row.sha256]));
}

describe('outbox worker', () => {
  it('delivers every filed application once, byte-identical, and keeps the rows as receipts', async () => {
    const { hub, core, db } = await hubWithKiosk();
    const filed = fileSubmissions(db, 'kiosk-1', 30);
    expect(await waitFor(() => outboxStates(db).delivered === 30, 10_000)).toBe(true);
    expect(await statusOf(hub)).toEqual(filed);
    const receipts = db.prepare('SELECT hub_receipt FROM outbox').all() as { hub_receipt: string }[];
    expect(receipts.every((row) => JSON.parse(row.hub_receipt).hubId === hub.store.hubId)).toBe(true);
    const status = await core.dispatch('sync.status', {});
    expect(status).toMatchObject({ ok: true, value: { online: true, queue: { pending: 0, delivered: 30 } } });
    expect((status as { value: { lastContactAt: string } }).value.lastContactAt).not.toBeNull();
  });

  it('reports its queue to the hub in heartbeats for the fleet view', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    // An unknown template version is refused by the hub and stays on the kiosk, visible in the heartbeat.
    const core = startKioskCore(hub.url, await enrollTerminal(hub.store, 'kiosk-1'), {
      sync: { heartbeatMs: 100 },
    });
    cleanups.push(() => core.close());
    fileSubmissions(core.deps.db, 'kiosk-1', 1, () => ({ topic: 'x' }), {
      id: 'sync_fixture_form',
      version: '6.0.0',
    });
    const reported = async () =>
      (await hub.store.heartbeats()).find((record) => record.terminalId === 'kiosk-1')?.heartbeat;
    expect(await waitForAsync(async () => (await reported())?.queue.rejected === 1, 10_000)).toBe(true);
    expect(await reported()).toMatchObject({
      appVersion: '0.1.0',
      queue: { pending: 0, rejected: 1, quarantined: 0 },
    });
    expect((await reported())?.lastSyncAt).not.toBeNull();
  });

  it('keeps refused and conflicting applications for staff without blocking the others', async () => {
    const { hub, core, db } = await hubWithKiosk();
    const first = fileSubmissions(db, 'kiosk-1', 2);
    const unknownVersion = fileSubmissions(db, 'kiosk-1', 1, () => ({ topic: 'x' }), {
      id: 'sync_fixture_form',
      version: '7.0.0',
    });
    const [conflictUuid] = [...first.keys()];
    // The hub already holds other content under the first id: a conflict, never an overwrite.
    hub.store.storeSubmissions(
      [
        {
          uuid: conflictUuid!,
          centre: 'centre-a',
          envelope: {
            terminalId: 'kiosk-1',
            templateId: 'sync_fixture_form',
            templateVersion: '1.0.0',
            payload: '{}',
            sha256: 'b'.repeat(64),
            receiptNo: 'OTHER',
            createdAt: '2026-11-28T10:00:00.000Z',
            priority: 0,
            assisted: false,
          },
        },
      ],
      '2026-11-28T10:00:00.000Z',
    );
    const later = fileSubmissions(db, 'kiosk-1', 5);
    expect(await waitFor(() => outboxStates(db).pending === undefined, 10_000)).toBe(true);
    expect(outboxStates(db)).toEqual({ delivered: 6, rejected: 1, quarantined: 1 });
    const stored = await statusOf(hub);
    for (const [uuid, sha] of later) expect(stored.get(uuid)).toBe(sha);
    await unlockStaff(core);
    const problems = await core.dispatch('sync.problems', {});
    const items = (problems as { value: { items: { uuid: string; state: string; reason: string }[] } }).value
      .items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uuid: [...unknownVersion.keys()][0],
          state: 'rejected',
          reason: 'unknown_template_version',
        }),
        expect.objectContaining({ uuid: conflictUuid, state: 'quarantined', reason: 'conflict' }),
      ]),
    );
  });

  it('stops and reports "not enrolled" when the hub refuses the token', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const revoked = await enrollTerminal(hub.store, 'kiosk-1');
    await hub.store.revokeTerminal('kiosk-1', new Date().toISOString());
    const core = startKioskCore(hub.url, revoked);
    cleanups.push(() => core.close());
    fileSubmissions(core.deps.db, 'kiosk-1', 3);
    const state = async () => {
      const status = await core.dispatch('sync.status', {});
      return status.ok ? (status.value as { state: string }).state : '';
    };
    expect(await waitForAsync(async () => (await state()) === 'not_enrolled', 5_000)).toBe(true);
    expect(outboxStates(core.deps.db)).toEqual({ pending: 3 });
    await unlockStaff(core);
    expect(await core.dispatch('sync.send_now', {})).toEqual({
      ok: true,
      value: { ok: false, reason: 'not_enrolled' },
    });
    expect(await hub.store.countSubmissions()).toBe(0);
  });

  it('does not count a captive portal page (HTML with 200) as delivered', async () => {
    const portal = await impostor(200, 'text/html', '<html><body>Please log in to the Wi-Fi</body></html>');
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const core = startKioskCore(portal.url, await enrollTerminal(hub.store, 'kiosk-1'));
    cleanups.push(() => core.close());
    fileSubmissions(core.deps.db, 'kiosk-1', 4);
    expect(await waitFor(() => portal.requests() >= 3, 5_000)).toBe(true);
    // The third request has arrived; the worker may still be reading its answer, so wait for the verdict.
    const state = async () => {
      const status = await core.dispatch('sync.status', {});
      return status.ok ? (status.value as { state: string; online: boolean }) : undefined;
    };
    expect(await waitForAsync(async () => (await state())?.state === 'offline', 5_000)).toBe(true);
    expect(await state()).toMatchObject({ online: false, state: 'offline' });
    expect(outboxStates(core.deps.db)).toEqual({ pending: 4 });
  });

  it('waits at least as long as the hub asks with Retry-After', async () => {
    const busy = await impostor(503, 'application/json', '{"error":"busy"}', { 'retry-after': '2' });
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const core = startKioskCore(busy.url, await enrollTerminal(hub.store, 'kiosk-1'));
    cleanups.push(() => core.close());
    fileSubmissions(core.deps.db, 'kiosk-1', 1);
    expect(await waitFor(() => busy.requests() >= 1, 5_000)).toBe(true);
    const started = Date.now();
    // Backoff alone would retry within 200 ms; Retry-After: 2 must hold the next request for ~2 s.
    expect(await waitFor(() => busy.requests() >= 2, 1_500)).toBe(false);
    expect(await waitFor(() => busy.requests() >= 2, 3_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  it('purges the personal data of delivered applications after the retention period, keeping the record', async () => {
    const { db } = await hubWithKiosk();
    fileSubmissions(db, 'kiosk-1', 3);
    expect(await waitFor(() => outboxStates(db).delivered === 3, 10_000)).toBe(true);
    const pending = fileSubmissions(db, 'kiosk-1', 1, () => ({ topic: 'later' }), {
      id: 'sync_fixture_form',
      version: '8.0.0',
    });
    expect(purgeDelivered(db, new Date(), 30)).toBe(0);
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect(purgeDelivered(db, in31Days, 30)).toBe(3);
    const rows = db.prepare('SELECT uuid, payload, sha256, purged_at FROM submissions').all() as {
      uuid: string;
      payload: string;
      sha256: string;
      purged_at: string | null;
    }[];
    for (const row of rows) {
      if (pending.has(row.uuid)) expect(row.payload).not.toBe('');
      else expect(row).toMatchObject({ payload: '', purged_at: in31Days.toISOString() });
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(() =>
      db.prepare("UPDATE submissions SET payload = '{}' WHERE uuid = ?").run(rows[0]!.uuid),
    ).toThrow(/immutable/);
  });
});
