import type { FeedPlatform, UpdateFeed } from '../../common/updates/feed';
import { checkArtifact } from './artifact_check';

export interface InstallRequest {
  channel: string;
  /** The feed the kiosk verified; the installer must install exactly this version and sha512. */
  feed: UpdateFeed;
  /** Base URL of the channel on the hub, e.g. `https://hub/api/v1/updates/stable/`. */
  feedBaseUrl: string;
  /** Headers for the hub (the terminal's bearer token). */
  headers: Record<string, string>;
}

export type InstallOutcome =
  | { ok: true }
  | { ok: false; reason: 'download_failed' | 'verification_failed' | 'mismatch' | 'install_failed' };

/**
 * What the Electron shell implements with electron-updater (generic provider pointed at the hub). The core
 * decides WHETHER and WHEN; this only downloads, checks and hands over to the installer, then quits.
 */
export interface UpdateInstaller {
  /** Which feed this installation follows; null when it cannot update itself (a `.deb`, a dev run). */
  readonly platform: FeedPlatform | null;
  install(request: InstallRequest): Promise<InstallOutcome>;
}

/** For a build that cannot update itself: the dev host, or Linux `.deb` installs. */
export const noSelfUpdate: UpdateInstaller = {
  platform: null,
  install: async () => ({ ok: false, reason: 'install_failed' }),
};

/**
 * A fake that behaves like electron-updater short of replacing the app: it downloads the build from the
 * hub and refuses it unless size and sha512 match the verified feed. Records what it "installed".
 */
export class FakeUpdateInstaller implements UpdateInstaller {
  readonly installed: string[] = [];
  constructor(
    readonly platform: FeedPlatform | null,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async install(request: InstallRequest): Promise<InstallOutcome> {
    const url = new URL(encodeURIComponent(request.feed.path), request.feedBaseUrl);
    let bytes: Uint8Array;
    try {
      const response = await this.fetchImpl(url, { headers: request.headers });
      if (!response.ok) return { ok: false, reason: 'download_failed' };
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch {
      return { ok: false, reason: 'download_failed' };
    }
    if (checkArtifact(bytes, request.feed) !== null) return { ok: false, reason: 'verification_failed' };
    this.installed.push(request.feed.version);
    return { ok: true };
  }
}
