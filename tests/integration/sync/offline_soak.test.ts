import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { percentile } from '../../bench/bench_report';
import { allStored, enrollTerminal, publishFixture, startTestHub, tempDir } from './support/hub_harness';
import { startKioskCore } from './support/kiosk_core_harness';
import { fileSubmissions, outboxStates, waitFor } from './support/kiosk_harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('offline soak', () => {
  it('queues 5,000 applications while the hub is down, then delivers each once while the core stays responsive', async () => {
    const hubDir = tempDir('hub-soak');
    const setup = openSqliteHubStore(hubDir);
    await publishFixture(setup);
    const token = await enrollTerminal(setup, 'kiosk-1');
    await setup.close();
    const port = await freePort();
    const core = startKioskCore(`https://127.0.0.1:${port}`, token);
    cleanups.push(() => core.close());
    const db = core.deps.db;
    const filed = fileSubmissions(db, 'kiosk-1', 5_000);
    // The worker has been retrying against a closed port the whole time.
    const offline = await core.dispatch('sync.status', {});
    expect(offline).toMatchObject({ ok: true, value: { online: false, queue: { pending: 5_000 } } });

    const hub = await startTestHub({ dataDir: hubDir, port });
    cleanups.push(() => hub.stop());
    const latencies: number[] = [];
    const drained = await waitFor(
      () => {
        const started = performance.now();
        void core.dispatch('system.health', {}).then(() => latencies.push(performance.now() - started));
        return outboxStates(db).pending === undefined;
      },
      60_000,
      25,
    );
    expect(drained).toBe(true);
    const stored = await allStored(hub.store);
    expect(stored).toHaveLength(5_000);
    expect(new Map(stored.map((row) => [row.uuid, row.sha256]))).toEqual(filed);
    // A visitor's screen keeps answering while the queue drains.
    expect(latencies.length).toBeGreaterThan(5);
    expect(percentile(latencies, 95)).toBeLessThan(300);
  }, 120_000);
});
