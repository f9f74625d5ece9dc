import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPin, verifyPin } from '../../core/pins/pin_hash';
import { deviceBucket } from '../../core/updates/device_bucket';
import { verifyFeedSignature } from '../../node_shared/feed_signature';
import { createReleaseKey } from '../../scripts/release/release_key';
import { planBuilds } from '../../scripts/release/release_plan';
import { signFeed } from '../../scripts/release/sign_feed';
import { percentile, report } from './bench_report';

/**
 * Technician/update costs: planning a 100 MB build on the release machine (sha512), signing its feed,
 * verifying a signed feed on the kiosk, the rollout bucket, and one technician PIN check (scrypt,
 * deliberately slow).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'updates-bench-'));
const build = path.join(dir, 'Kiosk-1.0.0.AppImage');
fs.writeFileSync(build, Buffer.alloc(100 * 1024 * 1024, 1));

const started = performance.now();
const planned = planBuilds([build]);
if (!planned.ok) throw new Error(planned.error);
report({ bench: 'updates', metric: 'hash_100MB_build', value: performance.now() - started, unit: 'ms' });

const key = createReleaseKey(path.join(dir, 'key'));
if (!key.ok) throw new Error(key.error);
const [plan] = planned.value;
const text = signFeed(key.value, {
  channel: 'stable',
  platform: plan!.platform,
  sequence: 1,
  issuedAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  version: plan!.version,
  file: plan!.name,
  size: plan!.size,
  sha512: plan!.sha512,
  rolloutPercentage: 100,
});
const verifyTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  if (!verifyFeedSignature(text, [key.value.publicKeyBase64]).ok) throw new Error('verify');
  verifyTimes.push(performance.now() - t);
}
report({
  bench: 'updates',
  metric: 'verify_signed_feed_p95',
  value: percentile(verifyTimes, 95),
  unit: 'ms',
  samples: 200,
});

const t0 = performance.now();
for (let i = 0; i < 10_000; i++) deviceBucket(`kiosk-${i}`);
report({
  bench: 'updates',
  metric: 'rollout_bucket_per_id',
  value: ((performance.now() - t0) / 10_000) * 1000,
  unit: 'µs',
});

const hash = hashPin('482913');
const pinTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await verifyPin('482913', hash);
  pinTimes.push(performance.now() - t);
}
report({
  bench: 'updates',
  metric: 'technician_pin_check_median',
  value: percentile(pinTimes, 50),
  unit: 'ms',
  target: '< 500 ms at the screen',
  samples: 5,
});
fs.rmSync(dir, { recursive: true, force: true });
