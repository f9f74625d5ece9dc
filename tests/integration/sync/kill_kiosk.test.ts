import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../support/kiosk_database';
import { writeTestProfile } from '../../support/test_pki';
import { bundleEntry, killHard, startChild } from './support/child_process_harness';
import { startFaultProxy } from './support/fault_proxy';
import { allStored, enrollTerminal, startTestHub, type TestHub, tempDir } from './support/hub_harness';
import {
  fileSubmissions,
  openKioskDb,
  outboxStates,
  waitFor,
  writeKioskConfig,
} from './support/kiosk_harness';

const ROUNDS = 50;

function integrityCheck(dataDir: string): string {
  const db = openTestDatabase(path.join(dataDir, 'kiosk.sqlite'));
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('kill -9 of the kiosk core while it sends', () => {
  let hub: TestHub;
  let script: string;
  beforeAll(async () => {
    hub = await startTestHub();
    script = await bundleEntry(path.join(import.meta.dirname, 'support/kiosk_child.ts'), 'kiosk_child');
  });
  afterAll(() => hub.stop());

  it(`delivers every application exactly once, byte-identical, across ${ROUNDS} kills`, async () => {
    // A little latency on the wire widens the window between "hub stored it" and "kiosk recorded it".
    const proxy = await startFaultProxy({ url: hub.url }, () => 'latency');
    const dataDir = tempDir('kiosk-kill');
    const config = writeKioskConfig(
      dataDir,
      'kiosk-kill',
      proxy.url,
      await enrollTerminal(hub.store, 'kiosk-kill'),
    );
    const profile = writeTestProfile(dataDir, [proxy.url]);
    const db = openKioskDb(dataDir);
    const filed = new Map<string, string>();
    let killedWithUnacknowledged = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [uuid, sha] of fileSubmissions(db, 'kiosk-kill', 6)) filed.set(uuid, sha);
        const child = startChild(script, [dataDir, config, profile, '3'], /ready/);
        await child.ready;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
        await killHard(child);
        expect(integrityCheck(dataDir), `round ${round}`).toBe('ok');
        const acknowledged = (
          db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'delivered'").get() as { n: number }
        ).n;
        if ((await hub.store.countSubmissions()) > acknowledged) killedWithUnacknowledged++;
      }
      // Let one last child drain the queue.
      const child = startChild(script, [dataDir, config, profile, '50'], /ready/);
      await child.ready;
      const drained = await waitFor(() => outboxStates(db).pending === undefined, 30_000, 50);
      await killHard(child);
      expect(drained).toBe(true);
    } finally {
      db.close();
      await proxy.close();
    }
    const stored = (await allStored(hub.store)).filter((row) => row.terminalId === 'kiosk-kill');
    expect(stored).toHaveLength(filed.size);
    expect(new Map(stored.map((row) => [row.uuid, row.sha256]))).toEqual(filed);
    expect(integrityCheck(dataDir)).toBe('ok');
    // The kills did land between the hub's commit and the kiosk's record in some rounds.
    expect(killedWithUnacknowledged).toBeGreaterThan(0);
  }, 180_000);
});
