import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../common/forms/canonical_json';
import { organisationProfileSchema } from '../../common/trust/organisation_profile';
import { AuditLog } from '../../core/audit_log';
import { EventBus } from '../../core/event_bus';
import { type KioskDatabase, openDatabase } from '../../core/storage/database';
import { createSyncService } from '../../core/sync/sync_service';
import { HubIdentityWatch } from '../../core/trust/hub_identity_watch';
import { trustedHubEndpoint } from '../../core/trust/hub_trust';
import { prepareItem } from '../../hub/publish';
import { openSqliteHubStore } from '../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../hub/tokens';
import { createLogger } from '../../node_shared/logger';
import { fixtureTemplateBytes } from '../integration/sync/support/fixture_template';
import { TEST_KEY, testDepsExtras } from '../support/kiosk_database';
import { testPki, testProfile } from '../support/test_pki';
import { percentile, report } from './bench_report';

/**
 * Sync throughput: the hub's raw SQLite insert rate (the ceiling), the drain rate of a 10,000-row outbox
 * to a hub process on loopback (plain HTTP and pinned HTTPS), and hub intake latency with 50 terminals
 * sending at once.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const TEMPLATE = { id: 'sync_fixture_form', version: '1.0.0' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-bench-'));
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function payloadFor(uuid: string, terminalId: string, i: number) {
  const receiptNo = `B-${i}`;
  const createdAt = new Date().toISOString();
  const payload = canonicalJson({
    formatVersion: 1,
    uuid,
    template: TEMPLATE,
    terminalId,
    centreId: 'bench',
    receiptNo,
    createdAt,
    priority: false,
    assisted: false,
    answers: { topic: `租房合同纠纷 ${i}`, urgent: i % 2 === 0 },
    feeReduction: null,
  });
  return { payload, sha256: sha(payload), receiptNo, createdAt };
}

/** Fills a kiosk outbox like the forms core's submit does (submission + pending outbox row). */
function fillOutbox(db: KioskDatabase, terminalId: string, count: number): void {
  const insert = db.prepare(
    `INSERT INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, priority, assisted, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)`,
  );
  const outbox = db.prepare("INSERT INTO outbox (uuid, state) VALUES (?, 'pending')");
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const uuid = randomUUID();
      const p = payloadFor(uuid, terminalId, i);
      insert.run(uuid, TEMPLATE.id, TEMPLATE.version, p.payload, p.sha256, p.receiptNo, p.createdAt);
      outbox.run(uuid);
    }
  })();
}

async function setupHub(dir: string, terminals: string[]): Promise<string[]> {
  const store = openSqliteHubStore(dir);
  const item = prepareItem({ kind: 'template', body: fixtureTemplateBytes() });
  if (!item.ok) throw new Error(item.error);
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  const tokens: string[] = [];
  for (const terminalId of terminals)
    tokens.push(
      (await issueToken(store, { role: 'terminal', terminalId, centre: 'bench' }, new Date())).token,
    );
  await store.close();
  return tokens;
}

async function startHubProcess(dir: string, tls: { certFile: string; keyFile: string } | null = null) {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'hub/main.ts'),
      '--port',
      '0',
      '--data',
      dir,
      '--rate-burst',
      '1000',
      '--rate-per-second',
      '1000',
      ...(tls ? ['--cert', tls.certFile, '--key', tls.keyFile] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"([^"]+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error('hub exited')));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

// 1. The ceiling: the hub store's own insert rate, one transaction (one fsync) per row and per 100 rows.
{
  const store = openSqliteHubStore(path.join(work, 'raw'));
  const rows = 2_000;
  const items = Array.from({ length: rows }, (_, i) => {
    const uuid = randomUUID();
    const p = payloadFor(uuid, 'raw', i);
    return {
      uuid,
      centre: 'bench',
      envelope: {
        terminalId: 'raw',
        templateId: TEMPLATE.id,
        templateVersion: TEMPLATE.version,
        payload: p.payload,
        sha256: p.sha256,
        receiptNo: p.receiptNo,
        createdAt: p.createdAt,
        priority: 0,
        assisted: false,
      },
    };
  });
  let start = performance.now();
  for (const item of items.slice(0, rows / 2)) await store.storeSubmissions([item], new Date().toISOString());
  report({
    bench: 'sync',
    metric: 'hub_sqlite_insert_single',
    value: (rows / 2 / (performance.now() - start)) * 1000,
    unit: 'rows/s',
    samples: rows / 2,
  });
  start = performance.now();
  for (let i = rows / 2; i < rows; i += 100)
    await store.storeSubmissions(items.slice(i, i + 100), new Date().toISOString());
  report({
    bench: 'sync',
    metric: 'hub_sqlite_insert_batch100',
    value: (rows / 2 / (performance.now() - start)) * 1000,
    unit: 'rows/s',
    samples: rows / 2,
  });
  await store.close();
}

// 2. Drain of a 10,000-row outbox by the one sync worker to a hub process on loopback: plain HTTP, and
//    HTTPS with the terminal's pinned TLS (how terminals reach a hub now).
for (const tls of [false, true]) {
  const hubDir = path.join(work, `hub-drain-${tls ? 'tls' : 'plain'}`);
  const [token] = await setupHub(hubDir, ['bench-kiosk']);
  const hub = await startHubProcess(hubDir, tls ? testPki().server : null);
  const kioskDir = path.join(work, `kiosk-${tls ? 'tls' : 'plain'}`);
  fs.mkdirSync(kioskDir, { recursive: true });
  const opened = openDatabase(path.join(kioskDir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('kiosk database');
  const db = opened.value;
  const rows = 10_000;
  fillOutbox(db, 'bench-kiosk', rows);
  const now = () => new Date();
  const logger = createLogger(() => {});
  const endpoint = trustedHubEndpoint(organisationProfileSchema.parse(testProfile([hub.url])), hub.url);
  if (!endpoint.ok) throw new Error('profile');
  const start = performance.now();
  const sync = createSyncService(
    {
      db,
      audit: new AuditLog(db, now),
      events: new EventBus(),
      logger,
      dataDir: kioskDir,
      appVersion: '0.1.0',
      config: {
        terminalId: 'bench-kiosk',
        centre: { id: 'bench', name: 'Bench', phone: '' },
        platformLevel: 'city',
        hubUrl: hub.url,
        hubToken: token!,
        defaultLanguage: 'zh-CN',
        languages: ['zh-CN'],
        printer: { name: '', paper: 'A4' },
        screen: { diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 },
        session: { idleSeconds: 120, warningSeconds: 45 },
        storage: { reserveMb: 0 },
        speech: { onByDefault: false },
        directory: { mapProvider: 'amap' },
      },
      provisioning: {
        provisioned: false,
        problem: { kind: 'missing', field: '', message: '' },
        enrollmentHubs: [],
      },
      profile: null,
      hub: endpoint.value,
      hubTrust: null,
      hubIdentity: new HubIdentityWatch(logger, now),
      now,
      ...testDepsExtras(path.join(work, 'kiosk'), now),
    },
    { idleMs: 5, backoff: { baseMs: 20, capMs: 200 } },
  );
  const deadline = Date.now() + 120_000;
  while (sync.queue.counts().delivered < rows && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const seconds = (performance.now() - start) / 1000;
  const delivered = sync.queue.counts().delivered;
  sync.close();
  db.close();
  await hub.stop();
  report({
    bench: 'sync',
    metric: tls ? 'outbox_drain_tls' : 'outbox_drain',
    value: delivered / seconds,
    unit: 'rows/s',
    target: '>= 1000',
    samples: delivered,
  });
}

// 3. Hub intake latency: 50 terminals, each PUTting its submissions one after another over keep-alive.
{
  const terminals = Array.from({ length: 50 }, (_, i) => `bench-t${i}`);
  const hubDir = path.join(work, 'hub-load');
  const tokens = await setupHub(hubDir, terminals);
  const hub = await startHubProcess(hubDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const perTerminal = 40;
  const latencies: number[] = [];
  const put = (terminalId: string, token: string, i: number) =>
    new Promise<number>((resolve, reject) => {
      const uuid = randomUUID();
      const p = payloadFor(uuid, terminalId, i);
      const body = JSON.stringify({
        terminalId,
        templateId: TEMPLATE.id,
        templateVersion: TEMPLATE.version,
        payload: p.payload,
        sha256: p.sha256,
        receiptNo: p.receiptNo,
        createdAt: p.createdAt,
        priority: 0,
        assisted: false,
      });
      const started = performance.now();
      const req = http.request(
        `${hub.url}/api/v1/submissions/${uuid}`,
        {
          method: 'PUT',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-kiosk-app-version': '0.1.0',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 201
              ? resolve(performance.now() - started)
              : reject(new Error(`status ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    terminals.map(async (terminalId, t) => {
      for (let i = 0; i < perTerminal; i++) latencies.push(await put(terminalId, tokens[t]!, i));
    }),
  );
  agent.destroy();
  await hub.stop();
  report({
    bench: 'sync',
    metric: 'hub_put_p50_50_terminals',
    value: percentile(latencies, 50),
    unit: 'ms',
    samples: latencies.length,
  });
  report({
    bench: 'sync',
    metric: 'hub_put_p95_50_terminals',
    value: percentile(latencies, 95),
    unit: 'ms',
    target: '<= 50',
    samples: latencies.length,
  });
}

// The machine's load during the run: on a busy 2-core machine fsync and CPU numbers drop several-fold.
report({ bench: 'sync', metric: 'load_average_1min', value: os.loadavg()[0]!, unit: 'processes' });
fs.rmSync(work, { recursive: true, force: true });
