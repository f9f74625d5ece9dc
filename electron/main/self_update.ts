import type { ClientRequest } from 'node:http';
import type { HttpExecutor } from 'builder-util-runtime';
import type { AppUpdater } from 'electron-updater';
import type { FeedPlatform } from '../../common/updates/feed';
import type { InstallOutcome, UpdateInstaller } from '../../core/updates/update_installer';
import { PinnedHttpExecutor } from './pinned_http_executor';
import { SignedFeedProvider } from './signed_feed_provider';

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

/** electron-updater reads every download through its `httpExecutor` (its own tests set it the same way). */
function downloadThroughPinnedHub(updater: AppUpdater, executor: PinnedHttpExecutor): void {
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = executor;
}

/**
 * Installs exactly the build of the feed the core verified, with electron-updater doing what it is good at
 * (download with sha512 check, the NSIS installer's code-signature check, the silent install and relaunch).
 * Its update information comes only from that feed (`SignedFeedProvider`) and its downloads only from the
 * pinned hub (`PinnedHttpExecutor`): no yml is ever read, so no second, unchecked copy can pick the file.
 */
export function createSelfUpdateInstaller(options: {
  /** A fresh electron-updater updater for this platform (NsisUpdater, AppImageUpdater). */
  createUpdater: () => AppUpdater;
  platform: FeedPlatform | null;
  /** Runs the hand-over after the RPC has answered (setImmediate in the shell). */
  schedule: (task: () => void) => void;
}): UpdateInstaller {
  return {
    platform: options.platform,
    async install({ release, hub, path, headers }): Promise<InstallOutcome> {
      if (!options.platform) return { ok: false, reason: 'install_failed' };
      const updater = options.createUpdater();
      updater.autoDownload = false;
      updater.autoInstallOnAppQuit = false;
      updater.allowDowngrade = false;
      updater.disableWebInstaller = true;
      // The hub serves no .blockmap files.
      updater.disableDifferentialDownload = true;
      downloadThroughPinnedHub(updater, new PinnedHttpExecutor(hub));
      updater.setFeedURL({
        provider: 'custom',
        updateProvider: SignedFeedProvider,
        release,
        fileUrl: new URL(path, hub.origin).href,
      } as Parameters<AppUpdater['setFeedURL']>[0]);
      updater.requestHeaders = { ...headers };
      try {
        const check = await updater.checkForUpdates();
        if (!check?.isUpdateAvailable) return { ok: false, reason: 'install_failed' };
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
