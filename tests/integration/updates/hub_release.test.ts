import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_FILES } from '../../../common/updates/feed';
import { issueToken } from '../../../hub/tokens';
import { verifyFeedSignature } from '../../../node_shared/feed_signature';
import { loadReleaseKey, type ReleaseKey } from '../../../scripts/release/release_key';
import { signFeed } from '../../../scripts/release/sign_feed';
import { testPki, writeTestProfile } from '../../support/test_pki';
import { type RawAnswer, rawRequest } from '../sync/support/http_request';
import { enrollTerminal, staffToken, startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

let hub: TestHub;
let keyDir: string;
let key: ReleaseKey;
let profile: string;
let buildDir: string;
const tokens = { admin: '', terminal: '', staff: '' };

/** A project script as a real process, the way the release machine runs it. */
function script(file: string, args: string[], env: Record<string, string> = {}) {
  return run(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, file), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, HUB_ADMIN_TOKEN: tokens.admin, ...env },
    },
  );
}
const hubRelease = (...args: string[]) =>
  script('scripts/hub_release.ts', [
    '--key',
    path.join(keyDir, 'release-key.pem'),
    '--profile',
    profile,
    ...args,
  ]);

const get = (urlPath: string, token?: string, method = 'GET'): Promise<RawAnswer> =>
  rawRequest(hub.url, { method, path: urlPath, headers: token ? { authorization: `Bearer ${token}` } : {} });
const channelFile = (name: string) => path.join(hub.dataDir, 'releases', 'stable', name);
const publishedFeed = (platform: keyof typeof FEED_FILES) =>
  verifyFeedSignature(fs.readFileSync(channelFile(FEED_FILES[platform]), 'utf8'), [key.publicKeyBase64]);

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

beforeAll(async () => {
  hub = await startTestHub();
  tokens.admin = (await issueToken(hub.store, { role: 'admin', centres: null }, new Date())).token;
  tokens.terminal = await enrollTerminal(hub.store, 'kiosk-qs-01');
  tokens.staff = await staffToken(hub.store);
  keyDir = tempDir('release-machine');
  const created = await script('scripts/release/release_key_cli.ts', ['--out', keyDir]);
  const printed = JSON.parse(created.stdout.trim()) as { publicKey: string };
  const loaded = loadReleaseKey(path.join(keyDir, 'release-key.pem'));
  if (!loaded.ok) throw new Error(loaded.error);
  key = loaded.value;
  expect(printed.publicKey).toBe(key.publicKeyBase64);
  profile = writeTestProfile(tempDir('profile'), [hub.url], [key.publicKeyBase64]);
  buildDir = tempDir('builds');
  fs.writeFileSync(path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'), Buffer.alloc(20 * 1024 * 1024 + 5, 7));
  fs.writeFileSync(path.join(buildDir, 'Baotou-Kiosk-Setup-1.4.0.exe'), Buffer.alloc(200_000, 9));
}, 60_000);
afterAll(() => hub?.stop());

describe('npm run hub:release on the release machine', () => {
  it('refuses bad arguments, a key the profile does not carry, a hub outside the profile and a .deb', async () => {
    await expect(hubRelease('--hub', hub.url, '--channel', 'nightly', 'x.exe')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage'),
    });
    const stranger = tempDir('stranger-key');
    await script('scripts/release/release_key_cli.ts', ['--out', stranger]);
    await expect(
      script('scripts/hub_release.ts', [
        '--key',
        path.join(stranger, 'release-key.pem'),
        '--profile',
        profile,
        '--hub',
        hub.url,
        path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'),
      ]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('not in the profile') });
    await expect(
      hubRelease('--hub', 'https://127.0.0.1:1', path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage')),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not a hub of the organisation profile'),
    });
    fs.writeFileSync(path.join(buildDir, 'kiosk_1.5.0_amd64.deb'), 'deb');
    await expect(
      hubRelease('--hub', hub.url, path.join(buildDir, 'kiosk_1.5.0_amd64.deb')),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('.deb'),
    });
    expect(fs.existsSync(path.join(hub.dataDir, 'releases'))).toBe(false);
  }, 60_000);

  it('uploads the builds in parts and a signed feed per platform; the hub never holds a private key', async () => {
    const { stdout } = await hubRelease(
      '--hub',
      hub.url,
      '--channel',
      'stable',
      '--rollout',
      '20',
      path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'),
      path.join(buildDir, 'Baotou-Kiosk-Setup-1.4.0.exe'),
    );
    const summary = JSON.parse(stdout.trim()) as {
      keyId: string;
      feeds: { platform: string; sequence: number }[];
    };
    expect(summary.keyId).toBe(key.keyId);
    expect(summary.feeds.map((feed) => feed.platform).sort()).toEqual(['linux', 'win']);
    expect(
      fs
        .readFileSync(channelFile('Baotou-Kiosk-1.4.0.AppImage'))
        .equals(Buffer.alloc(20 * 1024 * 1024 + 5, 7)),
    ).toBe(true);
    const linux = publishedFeed('linux');
    expect(linux).toMatchObject({
      ok: true,
      value: { feed: { version: '1.4.0', file: 'Baotou-Kiosk-1.4.0.AppImage', rolloutPercentage: 20 } },
    });
    for (const file of filesUnder(hub.dataDir))
      expect(fs.readFileSync(file, 'latin1'), file).not.toContain('PRIVATE KEY');
  }, 120_000);

  it('re-signs the published feeds with a new rollout and a higher sequence, uploading no build', async () => {
    const before = publishedFeed('linux');
    if (!before.ok) throw new Error('feed');
    const { stdout } = await hubRelease(
      '--hub',
      hub.url,
      '--channel',
      'stable',
      '--rollout',
      '50',
      '--valid-days',
      '7',
    );
    expect(JSON.parse(stdout.trim()).feeds).toHaveLength(2);
    const after = publishedFeed('linux');
    if (!after.ok) throw new Error('feed');
    expect(after.value.feed).toMatchObject({ version: '1.4.0', rolloutPercentage: 50 });
    expect(after.value.feed.sequence).toBeGreaterThan(before.value.feed.sequence);
  }, 60_000);

  it('refuses to publish a lower version (rollback is a higher version)', async () => {
    fs.writeFileSync(path.join(buildDir, 'Baotou-Kiosk-1.3.9.AppImage'), 'older');
    await expect(
      hubRelease('--hub', hub.url, path.join(buildDir, 'Baotou-Kiosk-1.3.9.AppImage')),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('publish a higher version') });
  }, 60_000);

  it('refuses a hub whose certificate is not the pinned one, before anything is uploaded', async () => {
    const impostor = await startTestHub({ tls: testPki().otherServer });
    try {
      const impostorProfile = writeTestProfile(
        tempDir('impostor-profile'),
        [impostor.url],
        [key.publicKeyBase64],
      );
      let seen = 0;
      impostor.server.on('request', () => seen++);
      await expect(
        script('scripts/hub_release.ts', [
          '--key',
          path.join(keyDir, 'release-key.pem'),
          '--profile',
          impostorProfile,
          '--hub',
          impostor.url,
          path.join(buildDir, 'Baotou-Kiosk-1.4.0.AppImage'),
        ]),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('hub identity does not match') });
      expect(seen).toBe(0);
      expect(fs.existsSync(path.join(impostor.dataDir, 'releases'))).toBe(false);
    } finally {
      await impostor.stop();
    }
  }, 60_000);
});

describe('the hub serves and stores releases, never anything else', () => {
  it('serves feeds and builds read-only to terminals and administrators only', async () => {
    const feed = await get(`/api/v1/updates/stable/${FEED_FILES.linux}`, tokens.terminal);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('application/json');
    expect(feed.text).toBe(fs.readFileSync(channelFile(FEED_FILES.linux), 'utf8'));
    expect((await get('/api/v1/updates/stable/Baotou-Kiosk-Setup-1.4.0.exe', tokens.terminal)).status).toBe(
      200,
    );
    expect((await get(`/api/v1/updates/stable/${FEED_FILES.win}`)).status).toBe(401);
    expect(
      (await get(`/api/v1/updates/stable/${FEED_FILES.win}`, 'kh1.0000000000000000.forged')).status,
    ).toBe(401);
    expect((await get(`/api/v1/updates/stable/${FEED_FILES.win}`, tokens.staff)).status).toBe(403);
    expect((await get(`/api/v1/updates/stable/${FEED_FILES.win}`, tokens.admin)).status).toBe(200);
  });

  it('takes uploads from an administrator only', async () => {
    const body = signFeed(key, {
      channel: 'stable',
      platform: 'win',
      sequence: 9_000_000_000,
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      version: '1.4.0',
      file: 'Baotou-Kiosk-Setup-1.4.0.exe',
      size: 200_000,
      sha512: (publishedFeed('win') as { value: { feed: { sha512: string } } }).value.feed.sha512,
      rolloutPercentage: 100,
    });
    for (const token of [tokens.terminal, tokens.staff]) {
      const refused = await rawRequest(hub.url, {
        method: 'PUT',
        path: `/api/v1/updates/stable/${FEED_FILES.win}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      expect(refused.status).toBe(403);
    }
  });

  it('refuses a feed with a sequence not above the published one, or naming a build it does not hold', async () => {
    const put = (platform: 'linux' | 'win', change: Record<string, unknown>) => {
      const current = publishedFeed(platform);
      if (!current.ok) throw new Error('feed');
      return rawRequest(hub.url, {
        method: 'PUT',
        path: `/api/v1/updates/stable/${FEED_FILES[platform]}`,
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
        body: signFeed(key, { ...current.value.feed, ...change }),
      });
    };
    const stale = await put('linux', {});
    expect(stale).toMatchObject({ status: 409, json: { error: 'stale_sequence' } });
    const missing = await put('linux', { sequence: 9_999_999_999, file: 'Baotou-Kiosk-9.0.0.AppImage' });
    expect(missing).toMatchObject({ status: 409, json: { error: 'build_missing' } });
    const crossed = await put('linux', { sequence: 9_999_999_999, platform: 'win' });
    expect(crossed).toMatchObject({ status: 422, json: { error: 'invalid_feed' } });
  });

  it('never serves a yml left in the channel folder, nor anything outside it', async () => {
    fs.writeFileSync(
      channelFile('latest-linux.yml'),
      'version: 9.9.9\nfiles:\n  - url: http://elsewhere/payload-x64.AppImage\n',
    );
    for (const urlPath of [
      '/api/v1/updates/stable/latest-linux.yml',
      '/api/v1/updates/stable/..%2F..%2Fhub.sqlite',
      '/api/v1/updates/..%2Freleases/stable',
      '/api/v1/updates/stable/%2e%2e',
      '/api/v1/updates/nightly/feed-linux-x64.json',
      '/api/v1/updates/stable/.hidden',
      '/api/v1/updates/stable/Baotou-Kiosk-1.4.0.AppImage.partial',
      '/api/v1/updates/stable/%E0%A4%A',
    ]) {
      const answer = await get(urlPath, tokens.terminal);
      expect(answer.status, urlPath).toBe(404);
      expect(answer.text).not.toContain('payload-x64');
    }
  });
});
