import { afterEach, describe, expect, it } from 'vitest';
import { FAULTS, type Fault, startFaultProxy } from './support/fault_proxy';
import { allStored, enrollTerminal, startTestHub } from './support/hub_harness';
import { startKioskCore } from './support/kiosk_core_harness';
import { fileSubmissions, outboxStates, waitFor } from './support/kiosk_harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('sync through a faulty network', () => {
  it('delivers every application exactly once through latency, 1–5 KB/s links, cuts, resets and hangs', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    // Every fault in turn for the first connections, then a random one; every 4th connection is clean
    // so the run ends in bounded time.
    const choose = (connection: number): Fault =>
      connection < FAULTS.length
        ? FAULTS[connection]!
        : connection % 4 === 0
          ? 'pass'
          : FAULTS[Math.floor(Math.random() * FAULTS.length)]!;
    const proxy = await startFaultProxy({ url: hub.url }, choose);
    cleanups.push(() => proxy.close());
    const core = startKioskCore(proxy.url, await enrollTerminal(hub.store, 'kiosk-1'), {
      sync: { batchSize: 4, requestTimeoutMs: 4_000 },
    });
    cleanups.push(() => core.close());
    const db = core.deps.db;
    // A connection that sees no fault is kept alive and reused, so each round starts with a network blip
    // (new connection, next fault); rounds go on until every fault has hit a connection (bounded).
    const filed = new Map<string, string>();
    for (let round = 0; round < 10; round++) {
      proxy.dropConnections();
      for (const [uuid, hash] of fileSubmissions(db, 'kiosk-1', 20, (i) => ({
        topic: `round ${round} ${i}`,
        urgent: false,
      })))
        filed.set(uuid, hash);
      expect(await waitFor(() => outboxStates(db).delivered === filed.size, 90_000, 50)).toBe(true);
      if (FAULTS.every((fault) => proxy.counts[fault] > 0)) break;
    }
    expect(outboxStates(db)).toEqual({ delivered: filed.size });
    const stored = await allStored(hub.store);
    expect(stored).toHaveLength(filed.size);
    expect(new Map(stored.map((row) => [row.uuid, row.sha256]))).toEqual(filed);
    for (const fault of FAULTS) expect(proxy.counts[fault], fault).toBeGreaterThan(0);
  }, 120_000);
});
