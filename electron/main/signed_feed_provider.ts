import type { CustomPublishOptions, UpdateInfo } from 'builder-util-runtime';
import { type AppUpdater, Provider, type ResolvedUpdateFileInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import type { FeedPayload } from '../../common/updates/signed_feed';

export interface SignedFeedOptions extends CustomPublishOptions {
  /** The feed the core verified (signature, dates, sequence, version). */
  release: FeedPayload;
  /** The build's URL on the pinned hub. */
  fileUrl: string;
}

/**
 * electron-updater's only source of update information: the feed the core already verified. It fetches
 * nothing (no `latest.yml`, no second copy that could differ) and names exactly one file — the one the signed
 * feed names, with its sha512 — whatever the update info it is asked about. electron-updater then checks the
 * download's sha512 against it.
 */
export class SignedFeedProvider extends Provider<UpdateInfo> {
  constructor(
    private readonly options: SignedFeedOptions,
    _updater: AppUpdater,
    runtimeOptions: ProviderRuntimeOptions,
  ) {
    super(runtimeOptions);
  }

  getLatestVersion(): Promise<UpdateInfo> {
    const { release } = this.options;
    const file = { url: release.file, sha512: release.sha512, size: release.size };
    return Promise.resolve({
      version: release.version,
      files: [file],
      path: release.file,
      sha512: release.sha512,
      releaseDate: release.issuedAt,
    });
  }

  resolveFiles(): ResolvedUpdateFileInfo[] {
    const { release, fileUrl } = this.options;
    return [
      { url: new URL(fileUrl), info: { url: release.file, sha512: release.sha512, size: release.size } },
    ];
  }
}
