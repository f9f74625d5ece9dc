import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../common/forms/canonical_json';
import { createHubServer, listenHub } from '../../hub/hub_server';
import { prepareItem } from '../../hub/publish';
import type { HubStore, NewSubmission } from '../../hub/storage/hub_store';
import { openPostgresHubStore } from '../../hub/storage/postgres_hub_store';
import { openSqliteHubStore } from '../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../hub/tokens';
import { createLogger } from '../../node_shared/logger';
import { startPgCluster } from '../integration/hub/support/pg_cluster';
import { bundleEntry, killHard, startChild } from '../integration/sync/support/child_process_harness';
import { fixtureTemplateBytes } from '../integration/sync/support/fixture_template';
import { percentile, report } from './bench_report';

/**
 * A province's hub, SQLite and PostgreSQL side by side: 1,000,000 stored submissions (HUB_SCALE_ROWS to
 * change), the desk's first page p95 over HTTP (a centre's staff, a province-wide one, with filters, deep
 * in the keyset), and intake from 500 simulated terminals spread over two hub processes (p95, rows/s).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = Number(process.env.HUB_SCALE_ROWS ?? 1_000_000);
const CENTRES = 100;
const TERMINALS = 500;
const PER_TERMINAL = 10;
const TEMPLATE = { id: 'sync_fixture_form', version: '1.0.0' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-scale-bench-'));
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function envelopeFor(uuid: string, terminalId: string, i: number, createdAt: string) {
  const receiptNo = `S-${i}`;
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
    answers: { topic: `租房合同纠纷，押金未退 ${i}`, urgent: i % 2 === 0 },
    feeReduction: null,
  });
  return {
    terminalId,
    templateId: TEMPLATE.id,
    templateVersion: TEMPLATE.version,
    payload,
    sha256: sha(payload),
    receiptNo,
    createdAt,
    priority: 0,
    assisted: false,
  };
}

async function seed(store: HubStore, kind: string): Promise<void> {
  const item = prepareItem({ kind: 'template', body: fixtureTemplateBytes() });
  if (!item.ok) throw new Error(item.error);
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  const start = performance.now();
  const batch = 5_000;
  const base = Date.UTC(2025, 0, 1);
  for (let offset = 0; offset < ROWS; offset += batch) {
    const items: NewSubmission[] = [];
    for (let i = offset; i < Math.min(ROWS, offset + batch); i++) {
      const uuid = randomUUID();
      const centre = `centre-${i % CENTRES}`;
      const terminal = `kiosk-${i % (CENTRES * 10)}`;
      items.push({
        uuid,
        centre,
        envelope: envelopeFor(uuid, terminal, i, new Date(base + i * 30_000).toISOString()),
      });
    }
    await store.storeSubmissions(items, new Date().toISOString());
    // Every 7th application handled, so the state filter has both kinds.
    if (offset % 35_000 === 0)
      await store.setDeskState({
        uuid: items[0]!.uuid,
        state: 'handled',
        at: new Date().toISOString(),
        by: 'bench',
      });
  }
  report({
    bench: 'hub_scale',
    metric: `${kind}_seed`,
    value: (ROWS / (performance.now() - start)) * 1000,
    unit: 'rows/s',
    samples: ROWS,
  });
}

async function deskLatency(store: HubStore, kind: string): Promise<void> {
  // The limiter is not what is measured: a quiet machine sends the 210 requests of a case faster than the
  // default burst allows (429), as the intake below raises `--rate-burst` for its 500 terminals.
  const hub = await listenHub(
    createHubServer({
      store,
      logger: createLogger(() => {}),
      rateLimit: { burst: 100_000, perSecond: 100_000 },
    }),
    0,
  );
  const centreStaff = (await issueToken(store, { role: 'staff', centres: ['centre-7'] }, new Date())).token;
  const provinceStaff = (await issueToken(store, { role: 'staff', centres: null }, new Date())).token;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (pathname: string, token: string) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      http
        .get(`${hub.url}${pathname}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`${res.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  const cases: [string, string, string][] = [
    ['desk_first_page_centre', '/desk', centreStaff],
    ['desk_first_page_province', '/desk', provinceStaff],
    [
      'desk_filtered_page_centre',
      `/desk?state=open&priority=no&service=${TEMPLATE.id}&date=2025-01-20`,
      centreStaff,
    ],
    ['desk_deep_page_province', `/desk?before=${Math.floor(ROWS / 2)}`, provinceStaff],
  ];
  for (const [metric, pathname, token] of cases) {
    for (let i = 0; i < 10; i++) await get(pathname, token);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) samples.push(await get(pathname, token));
    report({
      bench: 'hub_scale',
      metric: `${kind}_${metric}_p95`,
      value: percentile(samples, 95),
      unit: 'ms',
      target: metric.includes('first') ? '<= 50' : undefined,
      samples: samples.length,
    });
  }
  agent.destroy();
  await hub.close();
  // The same first pages as queries alone (the store's part of the page).
  for (const [metric, centres] of [
    ['desk_first_page_query_centre', ['centre-7']],
    ['desk_first_page_query_province', null],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await store.deskPage({ centres, limit: 50 });
      samples.push(performance.now() - started);
    }
    report({
      bench: 'hub_scale',
      metric: `${kind}_${metric}_p95`,
      value: percentile(samples, 95),
      unit: 'ms',
      samples: 200,
    });
  }
}

/** 500 terminals, each PUTting 10 applications one after another, spread over two hub processes. */
async function intake(store: HubStore, kind: string, args: string[]): Promise<void> {
  const tokens: string[] = [];
  for (let t = 0; t < TERMINALS; t++)
    tokens.push(
      (
        await issueToken(
          store,
          { role: 'terminal', terminalId: `load-${t}`, centre: `centre-${t % CENTRES}` },
          new Date(),
        )
      ).token,
    );
  const script = await bundleEntry(path.join(ROOT, 'hub/main.ts'), `hub_scale_${kind}`);
  const children = [0, 1].map(() =>
    startChild(script, ['--port', '0', '--rate-burst', '100000', ...args], /"url":"[^"]+"/, {}, 60_000),
  );
  const urls = await Promise.all(
    children.map(async (child) => JSON.parse(`{${await child.ready}}`).url as string),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: TERMINALS });
  const latencies: number[] = [];
  let retries = 0;
  /** One PUT; a connection reset (keep-alive race under load) is retried at once, as a kiosk would. */
  const put = async (url: string, terminalId: string, token: string, i: number): Promise<void> => {
    const uuid = randomUUID();
    const body = JSON.stringify(envelopeFor(uuid, terminalId, i, new Date().toISOString()));
    for (;;) {
      try {
        return await putOnce(url, token, uuid, body);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' || ++retries > 1000) throw error;
      }
    }
  };
  const putOnce = (url: string, token: string, uuid: string, body: string) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        `${url}/api/v1/submissions/${uuid}`,
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
          res.on('end', () => {
            latencies.push(performance.now() - started);
            res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}`));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  await Promise.all(
    tokens.map(async (token, t) => {
      for (let i = 0; i < PER_TERMINAL; i++) await put(urls[t % 2]!, `load-${t}`, token, i);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  for (const child of children) await killHard(child);
  report({
    bench: 'hub_scale',
    metric: `${kind}_intake_500_terminals_2_processes_p95`,
    value: percentile(latencies, 95),
    unit: 'ms',
    samples: latencies.length,
  });
  report({
    bench: 'hub_scale',
    metric: `${kind}_intake_500_terminals_2_processes`,
    value: (TERMINALS * PER_TERMINAL) / seconds,
    unit: 'rows/s',
    samples: TERMINALS * PER_TERMINAL,
  });
  report({
    bench: 'hub_scale',
    metric: `${kind}_intake_connection_resets_retried`,
    value: retries,
    unit: 'count',
  });
}

try {
  {
    const dataDir = path.join(work, 'sqlite');
    const store = openSqliteHubStore(dataDir);
    await seed(store, 'sqlite');
    await deskLatency(store, 'sqlite');
    await intake(store, 'sqlite', ['--data', dataDir]);
    await store.close();
  }
  const cluster = await startPgCluster();
  try {
    const url = cluster.createDatabase('hub_scale');
    const store = await openPostgresHubStore(url);
    await seed(store, 'postgres');
    await deskLatency(store, 'postgres');
    await intake(store, 'postgres', ['--data', path.join(work, 'pg-files'), '--db', url]);
    await store.close();
  } finally {
    cluster.stop();
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
