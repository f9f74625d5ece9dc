import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createHubServer, listenHub } from '../../hub/hub_server';
import { hashFactor } from '../../hub/status/lookup_factor';
import { lookupSecret } from '../../hub/status/status_lookup';
import type { HubStore } from '../../hub/storage/hub_store';
import { openPostgresHubStore } from '../../hub/storage/postgres_hub_store';
import { HUB_DB_FILE, openSqliteHubStore } from '../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../hub/tokens';
import { createLogger } from '../../node_shared/logger';
import { startPgCluster } from '../integration/hub/support/pg_cluster';
import { percentile, report } from './bench_report';

/**
 * "查询进度" at scale: the lookup round trip (kiosk → hub over loopback HTTP → store → scrypt of the
 * factor → answer) with 1,000,000 stored applications with lookup keys (STATUS_BENCH_ROWS to change), on
 * SQLite and on PostgreSQL. The bulk rows are written in SQL (the intake path is the sync benches' job);
 * the looked-up applications go through the store's own methods with real hashes.
 */
const ROWS = Number(process.env.STATUS_BENCH_ROWS ?? 1_000_000);
const TARGETS = 20;
const SAMPLES = 300;
const FACTOR = '070025';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'status-bench-'));

// Rows the lookup never matches: a receipt per row, a hash that is not any factor's.
const BULK_SQL = (series: string, n: string, pad12: string) => `
  INSERT INTO submissions (uuid, terminal_id, centre, template_id, template_version, payload, sha256, receipt_no,
    created_at, created_ms, received_at, priority, assisted)
  SELECT '00000000-0000-4000-8000-' || ${pad12}, 'kiosk-' || (${n} % 1000), 'centre-' || (${n} % 100), 'legal_aid_application',
    '1.1.0', '{}', '${'0'.repeat(64)}', 'BT-' || (${n} % 1000) || '-261128-' || ${n},
    '2026-11-28T10:00:00.000Z', 1795000000000, '2026-11-28T10:00:01.000Z', 0, ASSISTED
  FROM ${series};
  INSERT INTO status_keys (uuid, receipt_no, factor_hash)
  SELECT '00000000-0000-4000-8000-' || ${pad12}, 'BT-' || (${n} % 1000) || '-261128-' || ${n}, '${'ab'.repeat(32)}' FROM ${series};`;

function seedSqlite(dir: string): void {
  const db = new Database(path.join(dir, HUB_DB_FILE));
  const series = `(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${ROWS}) SELECT n FROM s)`;
  db.exec(
    `BEGIN; ${BULK_SQL(series, 'n', "substr('000000000000' || n, -12, 12)").replaceAll('ASSISTED', '0')} COMMIT; ANALYZE;`,
  );
  db.close();
}

async function seedPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `BEGIN; ${BULK_SQL(`generate_series(1, ${ROWS}) AS g(n)`, 'n', "lpad(n::text, 12, '0')").replaceAll('ASSISTED', 'false')} COMMIT; ANALYZE;`,
  );
  await client.end();
}

/** The applications a visitor looks up, stored as the hub stores them. */
async function addTargets(store: HubStore): Promise<string[]> {
  const secret = await lookupSecret(store);
  const receipts: string[] = [];
  for (let i = 0; i < TARGETS; i++) {
    const uuid = randomUUID();
    const receiptNo = `BT-0012-261206-${String(i).padStart(3, '0')}`;
    await store.storeSubmissions(
      [
        {
          uuid,
          centre: 'centre-1',
          envelope: {
            terminalId: 'kiosk-1',
            templateId: 'legal_aid_application',
            templateVersion: '1.1.0',
            payload: '{}',
            sha256: '0'.repeat(64),
            receiptNo,
            createdAt: '2026-12-06T10:00:00.000Z',
            priority: 0,
            assisted: false,
          },
        },
      ],
      new Date().toISOString(),
    );
    await store.addStatusKey({ uuid, receiptNo, factorHash: await hashFactor(secret, receiptNo, FACTOR) });
    receipts.push(receiptNo);
  }
  return receipts;
}

async function measure(store: HubStore, kind: string): Promise<void> {
  const receipts = await addTargets(store);
  const limit = { burst: 1e9, perSecond: 1e9 };
  const hub = await listenHub(
    createHubServer({
      store,
      logger: createLogger(() => {}),
      rateLimit: limit,
      statusLimits: { perReceipt: limit, perTerminal: limit },
    }),
    0,
  );
  const terminal = (
    await issueToken(store, { role: 'terminal', terminalId: 'kiosk-9', centre: 'centre-9' }, new Date())
  ).token;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const lookup = (receiptNo: string, expected: number) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const body = JSON.stringify({ receiptNo, factor: FACTOR });
      const req = http.request(
        `${hub.url}/api/v1/status/lookup`,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${terminal}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-kiosk-app-version': '1.0.0',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === expected
              ? resolve(performance.now() - started)
              : reject(new Error(`lookup answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  for (const [metric, expected, receiptOf] of [
    ['lookup_found', 200, (i: number) => receipts[i % TARGETS]!],
    ['lookup_bulk_row_wrong_factor', 404, (i: number) => `BT-${i % 1000}-261128-${(i * 3331) % ROWS}`],
    ['lookup_unknown_receipt', 404, (i: number) => `BT-NONE-261128-${i}`],
  ] as const) {
    for (let i = 0; i < 10; i++) await lookup(receiptOf(i), expected);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await lookup(receiptOf(i), expected));
    report({
      bench: 'status',
      metric: `${kind}_${metric}_p95`,
      value: percentile(samples, 95),
      unit: 'ms',
      target: '<= 300',
      samples: samples.length,
    });
  }
  agent.destroy();
  await hub.close();
  // The factor's hash alone: what of the round trip is the deliberate cost of scrypt.
  const secret = await lookupSecret(store);
  const hashes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await hashFactor(secret, receipts[i % TARGETS]!, FACTOR);
    hashes.push(performance.now() - started);
  }
  report({
    bench: 'status',
    metric: `${kind}_factor_hash_p95`,
    value: percentile(hashes, 95),
    unit: 'ms',
    samples: SAMPLES,
  });
}

async function main(): Promise<void> {
  const dir = path.join(work, 'sqlite');
  await openSqliteHubStore(dir).close();
  let started = performance.now();
  seedSqlite(dir);
  report({
    bench: 'status',
    metric: 'sqlite_seed',
    value: performance.now() - started,
    unit: 'ms',
    samples: ROWS,
  });
  const sqlite = openSqliteHubStore(dir);
  await measure(sqlite, 'sqlite');
  await sqlite.close();

  const cluster = await startPgCluster();
  try {
    const url = cluster.createDatabase('status_bench');
    await (await openPostgresHubStore(url)).close();
    started = performance.now();
    await seedPostgres(url);
    report({
      bench: 'status',
      metric: 'postgres_seed',
      value: performance.now() - started,
      unit: 'ms',
      samples: ROWS,
    });
    const postgres = await openPostgresHubStore(url);
    await measure(postgres, 'postgres');
    await postgres.close();
  } finally {
    cluster.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
