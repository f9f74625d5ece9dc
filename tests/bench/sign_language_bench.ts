/**
 * Sign-language clips: (1) pack throughput — a ~50 MB pack published on a real hub, downloaded by the
 * kiosk's downlink over loopback, hashed, verified clip by clip, staged and switched, then unpacked for
 * serving; (2) clip start — the "手语" control pressed (keydown) to the video's first `playing` event, in
 * Debian's Chromium through the dev host, measured inside the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hubIdOfToken } from '../../common/sync/token_format';
import { verifySignPackItem } from '../../core/sign_language/sign_handlers';
import { SignLibrary } from '../../core/sign_language/sign_library';
import { AssetStore } from '../../core/sync/asset_store';
import { HubClient } from '../../core/sync/hub_client';
import { pollManifest } from '../../core/sync/manifest_poller';
import { HubIdentityWatch } from '../../core/trust/hub_identity_watch';
import { createHubServer, listenHub } from '../../hub/hub_server';
import { prepareItem } from '../../hub/publish';
import { openSqliteHubStore } from '../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../node_shared/logger';
import { buildWeb } from '../../scripts/build_web';
import { openKiosk } from '../e2e/a11y/kiosk_page';
import { launchChromium } from '../e2e/support/browser';
import { PROJECT_ROOT, startDevHost } from '../e2e/support/dev_host';
import { buildTestPack } from '../fixtures/sign_language/test_clips';
import { token } from '../integration/staff/desk_support';
import { openKioskDb } from '../integration/sync/support/kiosk_harness';
import { testEndpoint, testPki } from '../support/test_pki';
import { percentile, report } from './bench_report';

const ROUNDS = 40;
const quiet = createLogger(() => {});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-bench-'));
const mb = (bytes: number) => bytes / (1024 * 1024);

async function throughput(): Promise<void> {
  // Five 20-second clips at a high bitrate: about the largest pack the hub takes (64 MB).
  const copies = ['a', 'b', 'c', 'd', 'e'];
  const big = await buildTestPack(
    path.join(work, 'big'),
    {
      id: 'csl-big',
      version: '1',
      signLanguage: 'csl',
      clips: copies.map((name, i) => ({
        file: `${name}.webm`,
        keys: [
          `template:legal_aid_application@1.1.0:${['full_name', 'sex', 'birth_date', 'ethnicity', 'phone'][i]}.prompt`,
        ],
      })),
    },
    Object.fromEntries(copies.map((name) => [`${name}.webm`, { seconds: 20, rate: 25, bitrate: '2M' }])),
  );
  const hubDir = path.join(work, 'hub');
  const store = openSqliteHubStore(hubDir);
  let started = performance.now();
  const item = prepareItem({ kind: 'sign_pack', body: big.archive });
  if (!item.ok) throw new Error(item.error);
  const publishMs = performance.now() - started;
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  started = performance.now();
  await store.item('sign_pack', 'csl-big', '1');
  const hubReadMs = performance.now() - started;
  // Over TLS with the pinned endpoint, as terminals reach a hub.
  const hub = await listenHub(
    createHubServer({ store, dataDir: hubDir, logger: quiet, tls: testPki().server }),
    0,
  );
  const terminalToken = await token(store, 'terminal', 'centre-a', 'kiosk-bench');
  const client = new HubClient({
    endpoint: testEndpoint(hub.url),
    identity: new HubIdentityWatch(quiet, () => new Date()),
    token: terminalToken,
    hubId: hubIdOfToken(terminalToken)!,
    appVersion: '0.1.0',
    schemaVersion: 1,
    timeoutMs: 120_000,
  });
  const kioskDir = path.join(work, 'kiosk');
  const db = openKioskDb(kioskDir);
  try {
    // The parts on their own first: the hub's answer over loopback, and the verifier.
    const listed = await client.manifest();
    if (!listed.ok) throw new Error('no manifest');
    started = performance.now();
    const downloaded = await client.download(listed.value.items.find((i) => i.kind === 'sign_pack')!);
    const downloadMs = performance.now() - started;
    if (!downloaded.ok) throw new Error('download failed');
    started = performance.now();
    if (!verifySignPackItem(listed.value.items.find((i) => i.kind === 'sign_pack')!, downloaded.value).ok)
      throw new Error('verify failed');
    const verifyMs = performance.now() - started;
    started = performance.now();
    const polled = await pollManifest(
      client,
      new AssetStore(db),
      quiet,
      () => new Date(),
      () => false,
      verifySignPackItem,
    );
    const downlinkMs = performance.now() - started;
    if (!polled.ok || polled.switched.length !== 1)
      throw new Error(`downlink failed: ${JSON.stringify(polled)}`);
    started = performance.now();
    const library = new SignLibrary(db, path.join(kioskDir, 'sign-packs'), quiet, () => ({
      catalogText: () => undefined,
      template: () => null,
      article: () => undefined,
    }));
    const unpackMs = performance.now() - started;
    if (library.installed().length !== 1) throw new Error('the pack did not unpack');
    const size = mb(big.archive.length);
    report({ bench: 'sign_language', metric: 'pack_size', value: size, unit: 'MB' });
    report({ bench: 'sign_language', metric: 'hub_verify_pack', value: publishMs, unit: 'ms' });
    report({ bench: 'sign_language', metric: 'hub_read_item_from_sqlite', value: hubReadMs, unit: 'ms' });
    report({
      bench: 'sign_language',
      metric: 'download_only_throughput',
      value: size / (downloadMs / 1000),
      unit: 'MB/s',
    });
    report({
      bench: 'sign_language',
      metric: 'verify_only_throughput',
      value: size / (verifyMs / 1000),
      unit: 'MB/s',
    });
    report({ bench: 'sign_language', metric: 'download_verify_switch', value: downlinkMs, unit: 'ms' });
    report({
      bench: 'sign_language',
      metric: 'download_verify_switch_throughput',
      value: size / (downlinkMs / 1000),
      unit: 'MB/s',
    });
    report({ bench: 'sign_language', metric: 'unpack_for_serving', value: unpackMs, unit: 'ms' });
  } finally {
    db.close();
    client.close();
    await hub.close();
    await store.close();
  }
}

async function clipStart(): Promise<void> {
  const small = await buildTestPack(
    path.join(work, 'small'),
    {
      id: 'csl-home',
      version: '1',
      signLanguage: 'csl',
      clips: [{ file: 'home.webm', keys: ['catalog:common:home.heading'] }],
    },
    { 'home.webm': { seconds: 6, caption: '请选择服务' } },
  );
  const hubDir = path.join(work, 'hub-ui');
  const store = openSqliteHubStore(hubDir);
  const item = prepareItem({ kind: 'sign_pack', body: small.archive });
  if (!item.ok) throw new Error(item.error);
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  // Over TLS with the pinned endpoint, as terminals reach a hub.
  const hub = await listenHub(
    createHubServer({ store, dataDir: hubDir, logger: quiet, tls: testPki().server }),
    0,
  );
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  const configPath = path.join(work, 'kiosk.json');
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      ...sample,
      hubUrl: hub.url,
      hubToken: await token(store, 'terminal', 'centre-a', sample.terminalId),
    }),
  );
  await buildWeb({ onlyIfStale: true });
  const host = await startDevHost({ configPath, trustedHubs: [hub.url] });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await openKiosk(page, host);
    await page.getByRole('button', { name: '看这一页的手语' }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const marks = { pressed: 0, playing: 0 };
      (window as unknown as { __signMarks: typeof marks }).__signMarks = marks;
      document.addEventListener('keydown', () => (marks.pressed = performance.now()), true);
      document.addEventListener('playing', () => (marks.playing = performance.now()), true);
    });
    const bar = page.getByRole('button', { name: '手语', exact: true });
    const samples: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      await bar.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => {
        const marks = (window as unknown as { __signMarks: { pressed: number; playing: number } })
          .__signMarks;
        return marks.playing > marks.pressed;
      });
      samples.push(
        await page.evaluate(() => {
          const marks = (window as unknown as { __signMarks: { pressed: number; playing: number } })
            .__signMarks;
          return marks.playing - marks.pressed;
        }),
      );
      await page.getByRole('button', { name: '关闭手语' }).click();
      await page.locator('#sign-panel').waitFor({ state: 'hidden' });
    }
    const [first, ...rest] = samples;
    report({ bench: 'sign_language', metric: 'clip_start_first_open', value: first!, unit: 'ms' });
    report({
      bench: 'sign_language',
      metric: 'clip_start_p50',
      value: percentile(rest, 50),
      unit: 'ms',
      samples: rest.length,
    });
    report({
      bench: 'sign_language',
      metric: 'clip_start_p95',
      value: percentile(rest, 95),
      unit: 'ms',
      target: '≤ 300',
      samples: rest.length,
    });
  } finally {
    await browser.close();
    await host.stop();
    await hub.close();
    await store.close();
  }
}

try {
  await throughput();
  await clipStart();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
