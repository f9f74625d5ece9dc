import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../../common/config_schema';
import { openDatabase } from '../../../core/storage/database';
import { createSessionActivity } from '../../../core/updates/session_activity';
import { FakeUpdateInstaller } from '../../../core/updates/update_installer';
import { UpdateRecord } from '../../../core/updates/update_record';
import { UpdateService } from '../../../core/updates/update_service';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { createLogger, createMemoryLogger } from '../../../node_shared/logger';
import { TEST_KEY } from '../../support/kiosk_database';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

let hubDir: string;
let buildDir: string;
let store: HubStore;
let hub: RunningHub;
let publicKey: string;
const clock = { now: new Date('2026-11-28T03:00:00Z') };
const tokens: Record<'terminal' | 'admin' | 'staff', string> = { terminal: '', admin: '', staff: '' };

/** `npm run hub:release -- …` as a real process (the script the release machine runs). */
async function hubRelease(...args: string[]) {
  return run(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/hub_release.ts'), ...args],
    {
      cwd: ROOT,
    },
  );
}

function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET') {
  return fetch(`${hub.url}${urlPath}`, { method, headers, redirect: 'manual' });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (token: string) => ({
  authorization: `Basic ${Buffer.from(`admin:${token}`).toString('base64')}`,
});

beforeAll(async () => {
  hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-updates-'));
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'builds-'));
  store = openSqliteHubStore(hubDir);
  tokens.terminal = (
    await issueToken(store, { role: 'terminal', terminalId: 'kiosk-qs-01', centre: 'qs' }, clock.now)
  ).token;
  tokens.admin = (await issueToken(store, { role: 'admin', centres: null }, clock.now)).token;
  tokens.staff = (await issueToken(store, { role: 'staff', centres: null }, clock.now)).token;
  fs.writeFileSync(path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'), Buffer.alloc(300_000, 7));
  fs.writeFileSync(path.join(buildDir, 'Baotou-Kiosk-Setup-1.4.0.exe'), Buffer.alloc(200_000, 9));
  const published = await hubRelease(
    '--data',
    hubDir,
    '--channel',
    'stable',
    path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'),
    path.join(buildDir, 'Baotou-Kiosk-Setup-1.4.0.exe'),
  );
  const summary = JSON.parse(published.stdout.trim());
  publicKey = summary.publicKey;
  expect(summary.feeds.map((f: { feed: string }) => f.feed).sort()).toEqual([
    'latest-linux.yml',
    'latest.yml',
  ]);
  hub = await listenHub(
    createHubServer({
      store,
      logger: createLogger(() => {}),
      dataDir: hubDir,
      now: () => clock.now,
      rateLimit: { burst: 10_000, perSecond: 10_000 },
    }),
    0,
  );
});

afterAll(async () => {
  await hub?.close();
  await store?.close();
});

describe('npm run hub:release', () => {
  it('refuses bad arguments with a usage line and a .deb with a reason, publishing nothing', async () => {
    await expect(hubRelease('--data', hubDir, '--channel', 'nightly', 'x.exe')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage'),
    });
    fs.writeFileSync(path.join(buildDir, 'kiosk_1.5.0_amd64.deb'), 'deb');
    await expect(
      hubRelease('--data', hubDir, path.join(buildDir, 'kiosk_1.5.0_amd64.deb')),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('.deb') });
    expect(fs.existsSync(path.join(hubDir, 'releases', 'stable', 'kiosk_1.5.0_amd64.deb'))).toBe(false);
  });
});

describe('update feed on the hub', () => {
  it('serves feeds, signatures and builds read-only to terminals, even without the app-version header', async () => {
    const feed = await get('/api/v1/updates/stable/latest-linux.yml', bearer(tokens.terminal));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toBe(
      fs.readFileSync(path.join(hubDir, 'releases/stable/latest-linux.yml'), 'utf8'),
    );
    expect((await get('/api/v1/updates/stable/latest-linux.yml.sig', bearer(tokens.terminal))).status).toBe(
      200,
    );
    const build = await get('/api/v1/updates/stable/Baotou-Kiosk-1.4.0.AppImage', bearer(tokens.terminal));
    expect(Buffer.from(await build.arrayBuffer()).equals(Buffer.alloc(300_000, 7))).toBe(true);
    expect((await get('/api/v1/updates/stable/latest.yml', bearer(tokens.terminal), 'PUT')).status).toBe(405);
  });

  it('needs a terminal or admin token', async () => {
    expect((await get('/api/v1/updates/stable/latest.yml')).status).toBe(401);
    expect((await get('/api/v1/updates/stable/latest.yml', bearer('hub1.forged'))).status).toBe(401);
    expect((await get('/api/v1/updates/stable/latest.yml', bearer(tokens.staff))).status).toBe(403);
    expect((await get('/api/v1/updates/stable/latest.yml', bearer(tokens.admin))).status).toBe(200);
  });

  it.each([
    '/api/v1/updates/stable/..%2F..%2Frelease-key%2Fed25519.pem',
    '/api/v1/updates/..%2Frelease-key/ed25519.pem',
    '/api/v1/updates/stable/%2e%2e',
    '/api/v1/updates/nightly/latest.yml',
    '/api/v1/updates/stable/.hidden',
    '/api/v1/updates/stable/missing.yml',
    '/api/v1/updates/stable/%E0%A4%A',
  ])('never serves anything outside the channel folder: %s', async (urlPath) => {
    const response = await get(urlPath, bearer(tokens.terminal));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('PRIVATE KEY');
  });
});

describe('a kiosk updating from the hub', () => {
  function kiosk(terminalId: string) {
    const opened = openDatabase(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-')), 'kiosk.sqlite'),
      TEST_KEY,
    );
    if (!opened.ok) throw new Error('db');
    const installer = new FakeUpdateInstaller('linux');
    const service = new UpdateService({
      config: {
        terminalId,
        hubUrl: hub.url,
        hubToken: tokens.terminal,
        updates: { publicKey, channel: 'stable', maintenanceWindow: { start: '00:00', end: '23:59' } },
      } as KioskConfig,
      appVersion: '1.3.2',
      installer,
      session: createSessionActivity(() => new Date()),
      record: new UpdateRecord(opened.value),
      logger: createMemoryLogger(),
      now: () => new Date(2026, 10, 28, 12, 0),
    });
    return { service, installer };
  }

  it('verifies the signed feed and the build, then installs', async () => {
    const { service, installer } = kiosk('kiosk-qs-01');
    expect(await service.tick()).toEqual({ kind: 'installed', version: '1.4.0' });
    expect(installer.installed).toEqual(['1.4.0']);
  });

  it('refuses a build replaced on the hub after publishing', async () => {
    const file = path.join(hubDir, 'releases/stable/Baotou-Kiosk-1.4.0.AppImage');
    const original = fs.readFileSync(file);
    const evil = Buffer.from(original);
    evil[1000] = 66;
    fs.writeFileSync(file, evil);
    const { service, installer } = kiosk('kiosk-qs-01');
    expect(await service.tick()).toEqual({
      kind: 'install_failed',
      version: '1.4.0',
      reason: 'verification_failed',
    });
    expect(installer.installed).toEqual([]);
    fs.writeFileSync(file, original);
  });
});

describe('fleet page', () => {
  async function heartbeat(appVersion: string) {
    const response = await fetch(`${hub.url}/api/v1/heartbeat`, {
      method: 'POST',
      headers: {
        ...bearer(tokens.terminal),
        'content-type': 'application/json',
        'x-kiosk-app-version': appVersion,
      },
      body: JSON.stringify({
        appVersion,
        schemaVersion: 2,
        queue: { pending: 3, rejected: 1, quarantined: 0 },
        lastSyncAt: '2026-11-28T02:55:00.000Z',
        printer: { status: 'offline' },
        speech: { status: 'ok' },
        update: { status: 'update_failed', attemptedVersion: '1.4.0', runningVersion: appVersion },
      }),
    });
    expect(response.status).toBe(200);
  }

  it('asks a browser for the admin token and refuses other tokens', async () => {
    const anonymous = await get('/fleet');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="fleet"/);
    expect((await get('/fleet', basic(tokens.terminal))).status).toBe(403);
    expect((await get('/fleet', bearer(tokens.staff))).status).toBe(403);
    expect((await get('/fleet', basic('wrong'))).status).toBe(401);
  });

  it('lists every terminal with version, queue, last sync, printer, speech and update, and flags stale ones', async () => {
    await heartbeat('1.3.2');
    const fresh = await get('/fleet', basic(tokens.admin));
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await fresh.text();
    expect(html).toContain('<span class="flag">更新到 1.4.0 失败，仍在运行 1.3.2</span>');
    expect(html).toContain('<th scope="row">kiosk-qs-01</th>');
    for (const cell of [
      '<td>1.3.2</td>',
      '<td>3</td>',
      '<td>1</td>',
      '<td>2026-11-28 02:55 UTC</td>',
      '<td>离线</td>',
      '<td>正常</td>',
    ]) {
      expect(html).toContain(cell);
    }
    expect(html).not.toContain('已失联');
    clock.now = new Date(clock.now.getTime() + 16 * 60 * 1000);
    const stale = await (await get('/fleet?lang=en', bearer(tokens.admin))).text();
    expect(stale).toContain('<html lang="en">');
    expect(stale).toContain('Stale (over 15 minutes)');
    expect(stale).toContain('Terminals: 1. Without a heartbeat for more than 15 minutes: 1.');
  });
});
