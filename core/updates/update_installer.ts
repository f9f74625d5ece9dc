import { createHash } from 'node:crypto';
import type { FeedPlatform } from '../../common/updates/feed';
import type { FeedPayload } from '../../common/updates/signed_feed';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';

export interface InstallRequest {
  /** The verified feed: the installer installs exactly this file, size and sha512, nothing else. */
  release: FeedPayload;
  /** The pinned hub and the build's path on it. */
  hub: HubEndpoint;
  path: string;
  /** Headers for the hub (the terminal's bearer token). */
  headers: Record<string, string>;
}

/** `verification_failed`: the downloaded build's size or sha512 differs from the signed feed (tampered). */
export type InstallOutcome =
  | { ok: true }
  | { ok: false; reason: 'download_failed' | 'verification_failed' | 'install_failed' };

/**
 * What the Electron shell implements with electron-updater (`electron/main/self_update.ts`). The core decides
 * WHETHER and WHEN, and WHAT (the signed feed); this only downloads from the pinned hub, checks and hands over
 * to the installer, then quits.
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
 * A fake that behaves like the shell's installer short of replacing the app: it downloads the build from the
 * pinned hub and refuses it unless size and sha512 match the signed feed. Records what it "installed".
 */
export class FakeUpdateInstaller implements UpdateInstaller {
  readonly installed: string[] = [];
  constructor(readonly platform: FeedPlatform | null) {}

  async install(request: InstallRequest): Promise<InstallOutcome> {
    const answer = await hubRequest(request.hub, request.path, {
      headers: request.headers,
      maxAnswerBytes: request.release.size + 1,
      timeoutMs: 60_000,
    });
    if (!answer.ok && answer.error.kind === 'too_large') return { ok: false, reason: 'verification_failed' };
    if (!answer.ok || answer.value.status !== 200) return { ok: false, reason: 'download_failed' };
    const bytes = answer.value.body;
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    if (bytes.length !== request.release.size || sha512 !== request.release.sha512)
      return { ok: false, reason: 'verification_failed' };
    this.installed.push(request.release.version);
    return { ok: true };
  }
}
