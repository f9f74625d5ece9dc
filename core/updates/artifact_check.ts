import { createHash } from 'node:crypto';
import type { UpdateFeed } from '../../common/updates/feed';

export type ArtifactRefusal = 'size_mismatch' | 'sha512_mismatch';

/**
 * The check electron-updater makes on a downloaded build, against the (signature-verified) feed: the
 * installers and the fake run it, so a tampered build on the hub is never installed.
 */
export function checkArtifact(bytes: Uint8Array, feed: UpdateFeed): ArtifactRefusal | null {
  const entry = feed.files.find((file) => file.url === feed.path) ?? feed.files[0]!;
  if (bytes.length !== entry.size) return 'size_mismatch';
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  return sha512 === entry.sha512 ? null : 'sha512_mismatch';
}
