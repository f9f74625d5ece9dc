import type { OutgoingHttpHeaders } from 'node:http';
import type { FeedPlatform } from '../../common/updates/feed';
import type { InstallOutcome, UpdateInstaller } from '../../core/updates/update_installer';

/** The part of electron-updater's autoUpdater the installer drives, so tests can hand in a fake. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  requestHeaders: OutgoingHttpHeaders | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ updateInfo: { version: string; files: { sha512: string }[] } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/**
 * Which feed this installation follows: the Windows NSIS build and an AppImage update themselves; a `.deb`
 * install or a development run does not (a package update needs root and would prompt at the kiosk).
 */
export function feedPlatform(
  platform: NodeJS.Platform,
  arch: string,
  env: Readonly<Record<string, string | undefined>>,
  packaged: boolean,
): FeedPlatform | null {
  if (!packaged) return null;
  if (platform === 'win32') return 'win';
  if (platform === 'linux' && env.APPIMAGE) return arch === 'arm64' ? 'linux-arm64' : 'linux';
  return null;
}

/**
 * Installs exactly the build the core verified (signature, rollout, window and session were decided
 * there): the feed electron-updater fetches must carry the same version and sha512, electron-updater then
 * checks the download's sha512 and size, and the app quits into the silent installer and relaunches.
 */
export function createSelfUpdateInstaller(options: {
  updater: UpdaterLike;
  platform: FeedPlatform | null;
  /** Runs the hand-over after the RPC has answered (setImmediate in the shell). */
  schedule: (task: () => void) => void;
}): UpdateInstaller {
  const { updater } = options;
  return {
    platform: options.platform,
    async install({ feed, feedBaseUrl, headers }): Promise<InstallOutcome> {
      if (!options.platform) return { ok: false, reason: 'install_failed' };
      updater.autoDownload = false;
      updater.autoInstallOnAppQuit = false;
      updater.allowDowngrade = false;
      // The hub serves no .blockmap files.
      updater.disableDifferentialDownload = true;
      updater.setFeedURL({ provider: 'generic', url: feedBaseUrl });
      updater.requestHeaders = { ...headers };
      let check: Awaited<ReturnType<UpdaterLike['checkForUpdates']>>;
      try {
        check = await updater.checkForUpdates();
      } catch {
        return { ok: false, reason: 'download_failed' };
      }
      const info = check?.updateInfo;
      // The yml electron-updater fetched must be the one the core verified: no swap between the two fetches.
      if (!info || info.version !== feed.version || info.files[0]?.sha512 !== feed.sha512) {
        return { ok: false, reason: 'mismatch' };
      }
      try {
        await updater.downloadUpdate();
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        return {
          ok: false,
          reason: /sha512|checksum/i.test(message) ? 'verification_failed' : 'download_failed',
        };
      }
      options.schedule(() => updater.quitAndInstall(true, true));
      return { ok: true };
    },
  };
}
