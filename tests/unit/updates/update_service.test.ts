import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../../common/config_schema';
import { openDatabase } from '../../../core/storage/database';
import { deviceBucket } from '../../../core/updates/device_bucket';
import { createSessionActivity } from '../../../core/updates/session_activity';
import { FakeUpdateInstaller } from '../../../core/updates/update_installer';
import { UpdateRecord } from '../../../core/updates/update_record';
import { UpdateService } from '../../../core/updates/update_service';
import { publishRelease } from '../../../hub/releases/publish_release';
import { createMemoryLogger } from '../../../node_shared/logger';
import { TEST_KEY } from '../../support/kiosk_database';

let hubData: string;
let publicKey: string;
let requests: string[];

/** A fetch that serves `<hubData>/releases/...` like the hub's update route, recording every URL. */
const hubFetch: typeof fetch = async (input) => {
  const url = new URL(String(input));
  requests.push(url.pathname);
  const match = /^\/api\/v1\/updates\/([a-z]+)\/([^/]+)$/.exec(url.pathname);
  const file = match ? path.join(hubData, 'releases', match[1]!, decodeURIComponent(match[2]!)) : '';
  if (!file || !fs.existsSync(file)) return new Response('not found', { status: 404 });
  return new Response(fs.readFileSync(file));
};

function release(version: string, rolloutPercentage = 100) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  const file = path.join(dir, `Kiosk-${version}.AppImage`);
  fs.writeFileSync(file, `build ${version}`);
  const result = publishRelease({
    dataDir: hubData,
    channel: 'stable',
    files: [file],
    rolloutPercentage,
    now: new Date(),
  });
  if (!result.ok) throw new Error(result.error);
  publicKey = result.value.publicKeyBase64;
}

interface SetupOptions {
  hour: number;
  minute?: number;
  terminalId?: string;
  window?: { start: string; end: string };
  appVersion?: string;
  withoutUpdates?: boolean;
  /** Runs before each hub request (e.g. a visitor arrives meanwhile). */
  onRequest?: (ctx: { session: ReturnType<typeof createSessionActivity> }) => void;
}

function setup(options: SetupOptions) {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-db-'));
  const opened = openDatabase(path.join(dbDir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  const clock = { now: new Date(2026, 10, 28, options.hour, options.minute ?? 0) };
  const session = createSessionActivity(() => clock.now);
  const installer = new FakeUpdateInstaller('linux', hubFetch);
  const record = new UpdateRecord(opened.value);
  const config = {
    terminalId: options.terminalId ?? 'kiosk-a',
    hubUrl: 'http://hub.test',
    hubToken: 'token',
    ...(options.withoutUpdates
      ? {}
      : {
          updates: {
            publicKey,
            channel: 'stable',
            maintenanceWindow: options.window ?? { start: '02:00', end: '05:00' },
          },
        }),
  } as KioskConfig;
  const service = new UpdateService({
    config,
    appVersion: options.appVersion ?? '1.0.0',
    installer,
    session,
    record,
    logger: createMemoryLogger(),
    now: () => clock.now,
    fetchImpl: async (input, init) => {
      options.onRequest?.({ session });
      return hubFetch(input, init);
    },
  });
  return { service, installer, session, record, clock, db: opened.value };
}

beforeEach(() => {
  hubData = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-'));
  requests = [];
  release('1.1.0');
});
afterEach(() => fs.rmSync(hubData, { recursive: true, force: true }));

describe('update service', () => {
  it('installs a signed newer release inside the maintenance window', async () => {
    const { service, installer } = setup({ hour: 3 });
    expect(await service.tick()).toEqual({ kind: 'installed', version: '1.1.0' });
    expect(installer.installed).toEqual(['1.1.0']);
  });

  it('does nothing outside the window, not even ask the hub', async () => {
    const { service, installer } = setup({ hour: 14 });
    expect(await service.tick()).toEqual({ kind: 'outside_window' });
    expect(requests).toEqual([]);
    expect(installer.installed).toEqual([]);
  });

  it('honours a window that crosses midnight', async () => {
    for (const [hour, expected] of [
      [23, 'installed'],
      [0, 'installed'],
      [1, 'outside_window'],
      [22, 'outside_window'],
    ] as const) {
      const { service } = setup({ hour, minute: 30, window: { start: '23:00', end: '01:00' } });
      expect((await service.tick()).kind, `${hour}:30`).toBe(expected);
    }
  });

  it('never installs during a visitor session, and installs once it ends', async () => {
    const { service, installer, session } = setup({ hour: 3 });
    session.set(true);
    expect(await service.tick()).toEqual({ kind: 'session_active' });
    expect(installer.installed).toEqual([]);
    session.set(false);
    expect(await service.tick()).toMatchObject({ kind: 'installed' });
  });

  it('re-asks the session state after the check: a visitor who arrived meanwhile blocks the install', async () => {
    const { service, installer } = setup({ hour: 3, onRequest: ({ session }) => session.set(true) });
    expect(await service.tick()).toEqual({ kind: 'session_active' });
    expect(installer.installed).toEqual([]);
  });

  it('a session report older than two hours no longer blocks updates (renderer died mid-session)', async () => {
    const { service, session, clock } = setup({ hour: 2 });
    session.set(true);
    clock.now = new Date(clock.now.getTime() + 2 * 60 * 60 * 1000 + 1);
    expect(await service.tick()).toMatchObject({ kind: 'installed' });
  });

  it('takes a staged release only when its bucket is below the percentage', async () => {
    release('1.1.0', 0);
    expect(await setup({ hour: 3 }).service.tick()).toMatchObject({
      kind: 'not_in_rollout',
      version: '1.1.0',
    });
    const ids = Array.from({ length: 200 }, (_, i) => `kiosk-${i}`);
    const inside = ids.find((id) => deviceBucket(id) < 40)!;
    const outside = ids.find((id) => deviceBucket(id) >= 40)!;
    release('1.1.0', 40);
    expect((await setup({ hour: 3, terminalId: inside }).service.tick()).kind).toBe('installed');
    expect((await setup({ hour: 3, terminalId: outside }).service.tick()).kind).toBe('not_in_rollout');
  });

  it('refuses an unsigned or tampered feed and a tampered build', async () => {
    const feed = path.join(hubData, 'releases', 'stable', 'latest-linux.yml');
    const original = fs.readFileSync(feed, 'utf8');
    fs.writeFileSync(feed, original.replace('version: 1.1.0', 'version: 9.9.9'));
    expect(await setup({ hour: 3 }).service.tick()).toEqual({ kind: 'refused', reason: 'bad_signature' });
    fs.writeFileSync(feed, original);
    fs.rmSync(`${feed}.sig`);
    expect(await setup({ hour: 3 }).service.tick()).toEqual({ kind: 'refused', reason: 'unsigned' });
    release('1.2.0');
    fs.writeFileSync(path.join(hubData, 'releases', 'stable', 'Kiosk-1.2.0.AppImage'), 'build 1.2.X');
    const ctx = setup({ hour: 3 });
    expect(await ctx.service.tick()).toEqual({
      kind: 'install_failed',
      version: '1.2.0',
      reason: 'verification_failed',
    });
    expect(ctx.installer.installed).toEqual([]);
  });

  it('is up to date when the feed is not newer, and disabled without an updates block', async () => {
    expect(await setup({ hour: 3, appVersion: '1.1.0' }).service.tick()).toEqual({
      kind: 'up_to_date',
      version: '1.1.0',
    });
    expect(await setup({ hour: 3, withoutUpdates: true }).service.tick()).toEqual({
      kind: 'disabled',
      reason: 'no_updates_config',
    });
  });

  it('reports a failed start after an update: older running version than attempted', async () => {
    const { service, record, db } = setup({ hour: 3 });
    await service.tick();
    // The app restarts — still 1.0.0: the update did not take.
    expect(new UpdateRecord(db).settleAtStartup('1.0.0')).toEqual({
      status: 'update_failed',
      attemptedVersion: '1.1.0',
      runningVersion: '1.0.0',
    });
    expect(record.report()).toMatchObject({ status: 'update_failed' });
    await service.tick();
    expect(new UpdateRecord(db).settleAtStartup('1.1.0')).toEqual({ status: 'updated', version: '1.1.0' });
    expect(new UpdateRecord(db).settleAtStartup('1.1.0')).toEqual({ status: 'updated', version: '1.1.0' });
  });
});
