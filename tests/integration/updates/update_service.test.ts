import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type KioskConfig, kioskConfigSchema } from '../../../common/config_schema';
import { FEED_FILES } from '../../../common/updates/feed';
import { openDatabase } from '../../../core/storage/database';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { deviceBucket } from '../../../core/updates/device_bucket';
import { createSessionActivity } from '../../../core/updates/session_activity';
import { FakeUpdateInstaller } from '../../../core/updates/update_installer';
import { UpdateRecord } from '../../../core/updates/update_record';
import { UpdateService } from '../../../core/updates/update_service';
import { createMemoryLogger } from '../../../node_shared/logger';
import { createReleaseKey, type ReleaseKey } from '../../../scripts/release/release_key';
import { TEST_KEY } from '../../support/kiosk_database';
import { testEndpoint } from '../../support/test_pki';
import { enrollTerminal, startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';
import { placeSignedRelease } from './support/signed_release';

let hub: TestHub;
let key: ReleaseKey;
let stranger: ReleaseKey;
let releases: string;
/** Every update request the hub saw (its paths), to show what the terminal asked for. */
let requests: string[];

beforeAll(async () => {
  hub = await startTestHub();
  hub.server.prependListener('request', (req) => {
    if (req.url?.startsWith('/api/v1/updates/')) requests.push(req.url);
  });
  const made = createReleaseKey(tempDir('release-key'));
  const other = createReleaseKey(tempDir('other-key'));
  if (!made.ok || !other.ok) throw new Error('keys');
  key = made.value;
  stranger = other.value;
  releases = path.join(hub.dataDir, 'releases');
});
afterAll(() => hub.stop());
beforeEach(() => {
  fs.rmSync(releases, { recursive: true, force: true });
  requests = [];
  placeSignedRelease(hub.dataDir, key, { version: '1.1.0', sequence: 100 });
});

interface SetupOptions {
  hour: number;
  minute?: number;
  terminalId?: string;
  window?: { start: string; end: string };
  appVersion?: string;
  withoutUpdates?: boolean;
  /** The same database across set-ups: one terminal restarting. */
  dbDir?: string;
}

async function setup(options: SetupOptions) {
  const dbDir = options.dbDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-db-'));
  const opened = openDatabase(path.join(dbDir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  const clock = { now: new Date(2026, 10, 28, options.hour, options.minute ?? 0) };
  const session = createSessionActivity(() => clock.now);
  const installer = new FakeUpdateInstaller('linux');
  const record = new UpdateRecord(opened.value);
  const terminalId = options.terminalId ?? 'kiosk-a';
  const config: KioskConfig = kioskConfigSchema.parse({
    terminalId,
    centre: { id: 'centre-a', name: 'Centre' },
    platformLevel: 'city',
    hubUrl: hub.url,
    hubToken: await enrollTerminal(hub.store, terminalId),
    ...(options.withoutUpdates
      ? {}
      : { updates: { maintenanceWindow: options.window ?? { start: '02:00', end: '05:00' } } }),
  });
  const logger = createMemoryLogger();
  const service = new UpdateService({
    config,
    hub: testEndpoint(hub.url),
    identity: new HubIdentityWatch(logger, () => clock.now),
    publicKeys: [key.publicKeyBase64],
    appVersion: options.appVersion ?? '1.0.0',
    installer,
    session,
    record,
    logger,
    now: () => clock.now,
  });
  return { service, installer, session, record, clock, db: opened.value, dbDir };
}

describe('update service against the hub (signed feed over pinned TLS)', () => {
  it('installs a signed newer release inside the maintenance window, reading only its platform feed', async () => {
    const { service, installer } = await setup({ hour: 3 });
    expect(await service.tick()).toEqual({ kind: 'installed', version: '1.1.0' });
    expect(installer.installed).toEqual(['1.1.0']);
    expect(requests).toEqual([
      `/api/v1/updates/stable/${FEED_FILES.linux}`,
      '/api/v1/updates/stable/Kiosk-1.1.0.AppImage',
    ]);
  });

  it('does nothing outside the window, not even ask the hub', async () => {
    const { service, installer } = await setup({ hour: 14 });
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
      const { service } = await setup({ hour, minute: 30, window: { start: '23:00', end: '01:00' } });
      expect((await service.tick()).kind, `${hour}:30`).toBe(expected);
    }
  });

  it('never installs during a visitor session, and installs once it ends', async () => {
    const { service, installer, session } = await setup({ hour: 3 });
    session.set(true);
    expect(await service.tick()).toEqual({ kind: 'session_active' });
    expect(installer.installed).toEqual([]);
    session.set(false);
    expect(await service.tick()).toMatchObject({ kind: 'installed' });
  });

  it('re-asks the session state after the check: a visitor who arrived meanwhile blocks the install', async () => {
    const { service, installer, session } = await setup({ hour: 3 });
    const arrive = () => session.set(true);
    hub.server.prependOnceListener('request', arrive);
    expect(await service.tick()).toEqual({ kind: 'session_active' });
    expect(installer.installed).toEqual([]);
  });

  it('a session report older than two hours no longer blocks updates (renderer died mid-session)', async () => {
    const { service, session, clock } = await setup({ hour: 2 });
    session.set(true);
    clock.now = new Date(clock.now.getTime() + 2 * 60 * 60 * 1000 + 1);
    expect(await service.tick()).toMatchObject({ kind: 'installed' });
  });

  it('takes a staged release only when its bucket is below the percentage', async () => {
    placeSignedRelease(hub.dataDir, key, { version: '1.1.0', sequence: 101, rolloutPercentage: 0 });
    expect(await (await setup({ hour: 3 })).service.tick()).toMatchObject({
      kind: 'not_in_rollout',
      version: '1.1.0',
    });
    const ids = Array.from({ length: 200 }, (_, i) => `kiosk-${i}`);
    const inside = ids.find((id) => deviceBucket(id) < 40)!;
    const outside = ids.find((id) => deviceBucket(id) >= 40)!;
    placeSignedRelease(hub.dataDir, key, { version: '1.1.0', sequence: 102, rolloutPercentage: 40 });
    expect((await (await setup({ hour: 3, terminalId: inside })).service.tick()).kind).toBe('installed');
    expect((await (await setup({ hour: 3, terminalId: outside })).service.tick()).kind).toBe(
      'not_in_rollout',
    );
  });

  it('is up to date when the feed names the running version, and disabled without an updates block', async () => {
    expect(await (await setup({ hour: 3, appVersion: '1.1.0' })).service.tick()).toEqual({
      kind: 'up_to_date',
      version: '1.1.0',
    });
    expect(await (await setup({ hour: 3, withoutUpdates: true })).service.tick()).toEqual({
      kind: 'disabled',
      reason: 'no_updates_config',
    });
  });

  it('reports a failed start after an update: older running version than attempted', async () => {
    const { service, record, db } = await setup({ hour: 3 });
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
  });
});

describe('feed attacks, each refused with its reason remembered for technicians and the fleet view', () => {
  const feedFile = () => path.join(releases, 'stable', FEED_FILES.linux);

  it('a replayed old feed: after a 1.2.0 feed (sequence 200) the hub serves the 1.1.0 feed (sequence 100) again', async () => {
    const old = fs.readFileSync(feedFile(), 'utf8');
    // 1.2.0 is staged to nobody yet: the terminal accepts the feed (and its sequence) but installs nothing.
    placeSignedRelease(hub.dataDir, key, { version: '1.2.0', sequence: 200, rolloutPercentage: 0 });
    const first = await setup({ hour: 3 });
    expect(await first.service.tick()).toMatchObject({ kind: 'not_in_rollout', version: '1.2.0' });
    fs.writeFileSync(feedFile(), old);
    // Even across a restart (the same database), the old, still unexpired feed is refused.
    const restarted = await setup({ hour: 3, dbDir: first.dbDir });
    expect(await restarted.service.tick()).toEqual({ kind: 'refused', reason: 'replayed' });
    expect(restarted.installer.installed).toEqual([]);
    expect(restarted.record.lastRefusal()).toEqual({
      reason: 'replayed',
      at: restarted.clock.now.toISOString(),
    });
  });

  it('an expired feed', async () => {
    placeSignedRelease(hub.dataDir, key, {
      version: '1.2.0',
      sequence: 300,
      issuedAt: new Date('2026-09-01T00:00:00Z'),
      expiresAt: new Date('2026-10-01T00:00:00Z'),
    });
    const { service, installer, record } = await setup({ hour: 3 });
    expect(await service.tick()).toEqual({ kind: 'refused', reason: 'expired' });
    expect(installer.installed).toEqual([]);
    expect(record.lastRefusal()?.reason).toBe('expired');
  });

  it('a downgrade, validly signed and fresh', async () => {
    placeSignedRelease(hub.dataDir, key, { version: '0.9.0', sequence: 400 });
    const { service, installer, record } = await setup({ hour: 3 });
    expect(await service.tick()).toEqual({ kind: 'refused', reason: 'downgrade' });
    expect(installer.installed).toEqual([]);
    expect(record.lastRefusal()?.reason).toBe('downgrade');
  });

  it('tampered installer bytes on the hub: refused after download, nothing installed', async () => {
    fs.writeFileSync(path.join(releases, 'stable', 'Kiosk-1.1.0.AppImage'), 'build 1.1.X');
    const { service, installer, record } = await setup({ hour: 3 });
    expect(await service.tick()).toEqual({
      kind: 'install_failed',
      version: '1.1.0',
      reason: 'verification_failed',
    });
    expect(installer.installed).toEqual([]);
    expect(record.lastRefusal()?.reason).toBe('tampered');
  });

  it('a feed signed by a key the build does not carry, and a feed whose content was edited', async () => {
    placeSignedRelease(hub.dataDir, stranger, { version: '1.2.0', sequence: 500 });
    expect(await (await setup({ hour: 3 })).service.tick()).toEqual({ kind: 'refused', reason: 'wrong_key' });
    placeSignedRelease(hub.dataDir, key, { version: '1.2.0', sequence: 501 });
    const envelope = JSON.parse(fs.readFileSync(feedFile(), 'utf8'));
    const edited = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    envelope.payload = Buffer.from(JSON.stringify({ ...edited, version: '9.0.0' })).toString('base64');
    fs.writeFileSync(feedFile(), JSON.stringify(envelope));
    expect(await (await setup({ hour: 3 })).service.tick()).toEqual({
      kind: 'refused',
      reason: 'bad_signature',
    });
  });

  it('a good feed afterwards clears the remembered refusal', async () => {
    placeSignedRelease(hub.dataDir, key, { version: '0.9.0', sequence: 600 });
    const ctx = await setup({ hour: 3 });
    expect((await ctx.service.tick()).kind).toBe('refused');
    placeSignedRelease(hub.dataDir, key, { version: '1.3.0', sequence: 601 });
    expect(await ctx.service.tick()).toEqual({ kind: 'installed', version: '1.3.0' });
    expect(ctx.record.lastRefusal()).toBeNull();
  });
});
