/** Number of rollout buckets: a terminal in bucket b takes a release published at p % when b < p. */
export const BUCKETS = 100;

/**
 * The stable bucket of a terminal from the SHA-256 of its terminal id (the caller hashes: common code has
 * no crypto). The first 6 bytes give a 48-bit number whose remainder mod 100 is uniform to within 1e-12.
 */
export function bucketFromDigest(digest: Uint8Array): number {
  if (digest.length < 6) throw new Error('digest too short');
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + digest[i]!;
  return value % BUCKETS;
}

export function inRollout(bucket: number, percentage: number): boolean {
  return bucket < percentage;
}
