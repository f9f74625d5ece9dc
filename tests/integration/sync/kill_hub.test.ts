import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { testPki } from '../../support/test_pki';
import { bundleEntry, type Child, killHard, startChild } from './support/child_process_harness';
import { enrollTerminal, publishFixture, tempDir } from './support/hub_harness';
import { startKioskCore } from './support/kiosk_core_harness';
import { fileSubmissions, outboxStates, waitFor } from './support/kiosk_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('kill -9 of the hub mid-request', () => {
  it('loses nothing and stores nothing twice after restarts', async () => {
    const hubDir = tempDir('hub-kill');
    const store = openSqliteHubStore(hubDir);
    await publishFixture(store);
    const token = await enrollTerminal(store, 'kiosk-1');
    await store.close();
    const port = await freePort();
    const script = await bundleEntry(path.join(ROOT, 'hub/main.ts'), 'hub_main');
    const { certFile, keyFile } = testPki().server;
    const startHub = () =>
      startChild(
        script,
        ['--port', String(port), '--data', hubDir, '--cert', certFile, '--key', keyFile],
        /"event":"ready"/,
      );

    const core = startKioskCore(`https://127.0.0.1:${port}`, token, { sync: { batchSize: 10 } });
    cleanups.push(() => core.close());
    const db = core.deps.db;
    const filed = fileSubmissions(db, 'kiosk-1', 400);
    let hub: Child | null = null;
    cleanups.push(() => hub && killHard(hub));
    for (let kill = 0; kill < 8; kill++) {
      hub = startHub();
      await hub.ready;
      // Kill as soon as the hub is taking submissions, at a random point of its work.
      const before = (
        db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'delivered'").get() as { n: number }
      ).n;
      await waitFor(
        () =>
          (db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'delivered'").get() as { n: number })
            .n > before,
        5_000,
        2,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      await killHard(hub);
      for (const [uuid, sha] of fileSubmissions(db, 'kiosk-1', 10)) filed.set(uuid, sha);
    }
    hub = startHub();
    await hub.ready;
    expect(await waitFor(() => outboxStates(db).pending === undefined, 30_000, 50)).toBe(true);
    await killHard(hub);
    hub = null;

    const check = new Database(path.join(hubDir, 'hub.sqlite'));
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = check.prepare('SELECT uuid, sha256 FROM submissions').all() as {
        uuid: string;
        sha256: string;
      }[];
      expect(rows).toHaveLength(filed.size);
      expect(new Map(rows.map((row) => [row.uuid, row.sha256]))).toEqual(filed);
    } finally {
      check.close();
    }
  }, 120_000);
});
