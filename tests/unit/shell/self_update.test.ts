import { describe, expect, it } from 'vitest';
import type { UpdateFeed } from '../../../common/updates/feed';
import {
  createSelfUpdateInstaller,
  feedPlatform,
  type UpdaterLike,
} from '../../../electron/main/self_update';

const SHA = `${'A'.repeat(86)}==`;
const OTHER_SHA = `${'B'.repeat(86)}==`;
const feed: UpdateFeed = {
  version: '1.4.2',
  files: [{ url: 'baotou-legal-kiosk-1.4.2-win-x64.exe', sha512: SHA, size: 1000 }],
  path: 'baotou-legal-kiosk-1.4.2-win-x64.exe',
  sha512: SHA,
  releaseDate: '2026-11-28T00:00:00.000Z',
  rolloutPercentage: 100,
};
const request = {
  channel: 'stable',
  feed,
  feedBaseUrl: 'https://hub.example/api/v1/updates/stable/',
  headers: { authorization: 'Bearer t' },
};

/** electron-updater as far as the installer drives it; each step's outcome is scripted. */
function fakeUpdater(script: { check?: () => Promise<unknown>; download?: () => Promise<unknown> } = {}) {
  const calls: string[] = [];
  const updater: UpdaterLike & { feedUrl?: string } = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    disableDifferentialDownload: false,
    requestHeaders: null,
    setFeedURL(options) {
      updater.feedUrl = options.url;
    },
    async checkForUpdates() {
      calls.push('check');
      return (
        script.check ?? (async () => ({ updateInfo: { version: '1.4.2', files: [{ sha512: SHA }] } }))
      )() as never;
    },
    async downloadUpdate() {
      calls.push('download');
      return (script.download ?? (async () => ['file']))();
    },
    quitAndInstall(isSilent, isForceRunAfter) {
      calls.push(`quitAndInstall(${isSilent},${isForceRunAfter})`);
    },
  };
  return { updater, calls };
}

function installerWith(updater: UpdaterLike, platform: 'win' | null = 'win') {
  const scheduled: (() => void)[] = [];
  const installer = createSelfUpdateInstaller({
    updater,
    platform,
    schedule: (task) => scheduled.push(task),
  });
  return { installer, scheduled };
}

describe('self-update installer', () => {
  it('installs exactly the verified build from the hub feed, silently, after answering', async () => {
    const { updater, calls } = fakeUpdater();
    const { installer, scheduled } = installerWith(updater);
    expect(await installer.install(request)).toEqual({ ok: true });
    expect(updater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      disableDifferentialDownload: true,
      requestHeaders: { authorization: 'Bearer t' },
      feedUrl: request.feedBaseUrl,
    });
    expect(calls).toEqual(['check', 'download']);
    for (const task of scheduled) task();
    expect(calls).toEqual(['check', 'download', 'quitAndInstall(true,true)']);
  });

  it.each([
    ['another version', { version: '1.4.3', files: [{ sha512: SHA }] }],
    ['another sha512', { version: '1.4.2', files: [{ sha512: OTHER_SHA }] }],
    ['no files', { version: '1.4.2', files: [] }],
  ])('refuses a feed swapped between the two fetches (%s)', async (_label, updateInfo) => {
    const { updater, calls } = fakeUpdater({ check: async () => ({ updateInfo }) });
    const { installer, scheduled } = installerWith(updater);
    expect(await installer.install(request)).toEqual({ ok: false, reason: 'mismatch' });
    expect(calls).toEqual(['check']);
    expect(scheduled).toEqual([]);
  });

  it('maps failures: unreachable feed, failed download, checksum mismatch, no update found', async () => {
    const cases: [Parameters<typeof fakeUpdater>[0], string][] = [
      [{ check: async () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED')) }, 'download_failed'],
      [{ download: async () => Promise.reject(new Error('socket hang up')) }, 'download_failed'],
      [
        { download: async () => Promise.reject(new Error('sha512 checksum mismatch, expected …')) },
        'verification_failed',
      ],
      [{ check: async () => null }, 'mismatch'],
    ];
    for (const [script, reason] of cases) {
      const { updater } = fakeUpdater(script);
      const { installer, scheduled } = installerWith(updater);
      expect(await installer.install(request), reason).toEqual({ ok: false, reason });
      expect(scheduled).toEqual([]);
    }
  });

  it('never touches electron-updater on a build that cannot update itself', async () => {
    const { updater, calls } = fakeUpdater();
    const { installer } = installerWith(updater, null);
    expect(installer.platform).toBeNull();
    expect(await installer.install(request)).toEqual({ ok: false, reason: 'install_failed' });
    expect(calls).toEqual([]);
  });
});

describe('feed platform', () => {
  it('self-updates the NSIS build and AppImages only, never a .deb or a development run', () => {
    expect(feedPlatform('win32', 'x64', {}, true)).toBe('win');
    expect(feedPlatform('linux', 'x64', { APPIMAGE: '/opt/kiosk.AppImage' }, true)).toBe('linux');
    expect(feedPlatform('linux', 'arm64', { APPIMAGE: '/opt/kiosk.AppImage' }, true)).toBe('linux-arm64');
    expect(feedPlatform('linux', 'x64', {}, true)).toBeNull();
    expect(feedPlatform('win32', 'x64', {}, false)).toBeNull();
    expect(feedPlatform('darwin', 'arm64', {}, true)).toBeNull();
  });
});
