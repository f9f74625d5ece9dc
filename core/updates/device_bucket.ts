import { createHash } from 'node:crypto';
import { bucketFromDigest } from '../../common/updates/rollout_bucket';

/** The terminal's rollout bucket (0–99): from its provisioned id, so a cloned disk image gets its own. */
export function deviceBucket(terminalId: string): number {
  return bucketFromDigest(createHash('sha256').update(terminalId, 'utf8').digest());
}
