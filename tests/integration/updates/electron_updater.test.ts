import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_FILES } from '../../../common/updates/feed';
import type { FeedPayload } from '../../../common/updates/signed_feed';
import type { InstallRequest } from '../../../core/updates/update_installer';
import { createSelfUpdateInstaller } from '../../../electron/main/self_update';
import { verifyFeedSignature } from '../../../node_shared/feed_signature';
import { createReleaseKey, type ReleaseKey } from '../../../scripts/release/release_key';
import { testEndpoint, testPki } from '../../support/test_pki';
import { enrollTerminal, startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';
import { placeSignedRelease } from './support/signed_release';

/**
 * The shell's installer with the real electron-updater (its AppImage updater, which runs under plain Node
 * up to the hand-over to the installer), against a real hub over TLS. electron-updater needs Electron only
 * for its app adapter, which this test supplies (version, cache and data folders).
 */
const BUILD = Buffer.alloc(256 * 1024, 0x41);
const PAYLOAD = Buffer.from('#!/bin/sh\necho owned\n');

let hub: TestHub;
let key: ReleaseKey;
let release: FeedPayload;
/** Paths the hub was asked for. */
let hubRequests: string[];
/** A server elsewhere, where an attacker keeps a payload; it counts what reaches it. */
let elsewhere: http.Server;
let elsewhereUrl: string;
let elsewhereHits = 0;
let terminalToken: string;
const appImageBefore = process.env.APPIMAGE;

function appAdapter(): AppAdapter & { cacheDir: string } {
  const dir = tempDir('updater-app');
  const config = path.join(dir, 'app-update.yml');
  fs.writeFileSync(
    config,
    'provider: generic\nurl: https://hub.example.invalid/updates/stable\nupdaterCacheDirName: kiosk-updater\n',
  );
  return {
    version: '1.3.2',
    name: 'kiosk',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    cacheDir: path.join(dir, 'cache', 'kiosk-updater'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

function installer() {
  const app = appAdapter();
  const handedOver: string[] = [];
  const updaterInstaller = createSelfUpdateInstaller({
    createUpdater: () => {
      const updater = new AppImageUpdater(null, app);
      updater.logger = null;
      return updater;
    },
    platform: 'linux',
    schedule: () => handedOver.push('quitAndInstall'),
  });
  return { installer: updaterInstaller, app, handedOver };
}

const request = (target = hub.url): InstallRequest => ({
  release,
  hub: testEndpoint(target),
  path: `/api/v1/updates/stable/${release.file}`,
  headers: { authorization: `Bearer ${terminalToken}` },
});

/** What electron-updater left ready for the installer (the file it would run), or null. */
function downloaded(cacheDir: string): Buffer | null {
  const file = path.join(cacheDir, 'pending', release.file);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

beforeAll(async () => {
  // The AppImage updater runs only inside an AppImage install: this process plays one (the file it replaces).
  const installed = path.join(tempDir('appimage'), 'Kiosk-1.3.2.AppImage');
  fs.writeFileSync(installed, 'installed 1.3.2');
  process.env.APPIMAGE = installed;
  hub = await startTestHub();
  terminalToken = await enrollTerminal(hub.store, 'kiosk-u1');
  hub.server.prependListener('request', (req) => hubRequests.push(req.url ?? ''));
  const made = createReleaseKey(tempDir('release-key'));
  if (!made.ok) throw new Error(made.error);
  key = made.value;
  elsewhere = http.createServer((_req, res) => {
    elsewhereHits++;
    res.end(PAYLOAD);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (appImageBefore === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = appImageBefore;
  await hub.stop();
  elsewhere.close();
});
beforeEach(() => {
  hubRequests = [];
  elsewhereHits = 0;
  const text = placeSignedRelease(hub.dataDir, key, { version: '1.4.0', sequence: 10, content: BUILD });
  const verified = verifyFeedSignature(text, [key.publicKeyBase64]);
  if (!verified.ok) throw new Error(verified.error);
  release = verified.value.feed;
});

describe('self-update through electron-updater, bound to the signed feed', () => {
  it('installs the signed build, fetched from the pinned hub only, then hands over to the installer', async () => {
    const { installer: updater, app, handedOver } = installer();
    expect(await updater.install(request())).toEqual({ ok: true });
    expect(downloaded(app.cacheDir)?.equals(BUILD)).toBe(true);
    expect(handedOver).toEqual(['quitAndInstall']);
    expect(hubRequests).toEqual([`/api/v1/updates/stable/${release.file}`]);
  });

  it('attack: a second yml with an extra entry for http://elsewhere/payload-x64.AppImage is never read', async () => {
    // The attacker controls the channel folder's yml files (and could serve them at any path):
    // electron-updater would pick the x64 entry of such a file. Our provider reads no yml at all.
    const payloadSha = createHash('sha512').update(PAYLOAD).digest('base64');
    const yml = [
      'version: 1.4.0',
      'files:',
      `  - url: ${elsewhereUrl}/payload-x64.AppImage`,
      `    sha512: ${payloadSha}`,
      `    size: ${PAYLOAD.length}`,
      `  - url: ${release.file}`,
      `    sha512: ${release.sha512}`,
      `    size: ${release.size}`,
      `path: ${elsewhereUrl}/payload-x64.AppImage`,
      `sha512: ${payloadSha}`,
      "releaseDate: '2026-11-28T00:00:00.000Z'",
      '',
    ].join('\n');
    for (const name of ['latest-linux.yml', 'latest.yml', 'app-update.yml'])
      fs.writeFileSync(path.join(hub.dataDir, 'releases', 'stable', name), yml);
    const { installer: updater, app } = installer();
    expect(await updater.install(request())).toEqual({ ok: true });
    expect(downloaded(app.cacheDir)?.equals(BUILD)).toBe(true);
    expect(fs.readdirSync(path.join(app.cacheDir, 'pending')).some((name) => name.includes('payload'))).toBe(
      false,
    );
    expect(elsewhereHits).toBe(0);
    expect(hubRequests.filter((url) => url.endsWith('.yml'))).toEqual([]);
  });

  it('refuses tampered installer bytes on the hub: nothing is left to install', async () => {
    fs.writeFileSync(
      path.join(hub.dataDir, 'releases', 'stable', release.file),
      Buffer.alloc(BUILD.length, 0x42),
    );
    const { installer: updater, app, handedOver } = installer();
    expect(await updater.install(request())).toEqual({ ok: false, reason: 'verification_failed' });
    expect(downloaded(app.cacheDir)).toBeNull();
    expect(handedOver).toEqual([]);
  });

  it('follows no redirect away from the pinned hub (a hub that sends it elsewhere)', async () => {
    const redirector = https.createServer(testPki().server, (_req, res) => {
      res.writeHead(302, { location: `${elsewhereUrl}/payload-x64.AppImage` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      const { installer: updater, app, handedOver } = installer();
      expect((await updater.install(request(url))).ok).toBe(false);
      expect(elsewhereHits).toBe(0);
      expect(downloaded(app.cacheDir)).toBeNull();
      expect(handedOver).toEqual([]);
    } finally {
      redirector.close();
    }
  });

  it('downloads nothing from a hub with a certificate from another CA', async () => {
    const impostor = await startTestHub({ tls: testPki().otherServer });
    let seen = 0;
    impostor.server.on('request', () => seen++);
    placeSignedRelease(impostor.dataDir, key, { version: '1.4.0', sequence: 10, content: BUILD });
    try {
      const { installer: updater, app, handedOver } = installer();
      expect(await updater.install(request(impostor.url))).toEqual({ ok: false, reason: 'download_failed' });
      expect(seen).toBe(0);
      expect(downloaded(app.cacheDir)).toBeNull();
      expect(handedOver).toEqual([]);
    } finally {
      await impostor.stop();
    }
  });

  it('does nothing on a build that cannot update itself', async () => {
    let created = 0;
    const none = createSelfUpdateInstaller({
      createUpdater: () => {
        created++;
        return new AppImageUpdater(null, appAdapter());
      },
      platform: null,
      schedule: () => {},
    });
    expect(await none.install(request())).toEqual({ ok: false, reason: 'install_failed' });
    expect(created).toBe(0);
    expect(hubRequests).toEqual([]);
    expect(FEED_FILES.linux).toBe('feed-linux-x64.json');
  });
});
