import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FEED_FILES } from '../../common/updates/feed';
import { hashPin, verifyPin } from '../../core/pins/pin_hash';
import { deviceBucket } from '../../core/updates/device_bucket';
import { verifySignedFeed } from '../../core/updates/verify_feed';
import { publishRelease } from '../../hub/releases/publish_release';
import { percentile, report } from './bench_report';

/**
 * Technician/update costs: publishing a 100 MB build (sha512 + copy + sign), verifying a signed feed on the
 * kiosk, the rollout bucket, and one technician PIN check (scrypt, deliberately slow).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'updates-bench-'));
const build = path.join(dir, 'Kiosk-1.0.0.AppImage');
fs.writeFileSync(build, Buffer.alloc(100 * 1024 * 1024, 1));

const started = performance.now();
const published = publishRelease({
  dataDir: path.join(dir, 'hub'),
  channel: 'stable',
  files: [build],
  rolloutPercentage: 100,
  now: new Date(),
});
if (!published.ok) throw new Error(published.error);
report({ bench: 'updates', metric: 'publish_100MB_build', value: performance.now() - started, unit: 'ms' });

const feedPath = path.join(dir, 'hub', 'releases', 'stable', FEED_FILES.linux);
const signed = {
  channel: 'stable',
  file: FEED_FILES.linux,
  yml: fs.readFileSync(feedPath),
  signature: fs.readFileSync(`${feedPath}.sig`, 'utf8'),
};
const verifyTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  if (!verifySignedFeed(signed, published.value.publicKeyBase64).ok) throw new Error('verify');
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
