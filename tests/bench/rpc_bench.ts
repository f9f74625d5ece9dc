import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore } from '../../core/kiosk_core';
import { createMemoryLogger } from '../../node_shared/logger';
import { percentile, report } from './bench_report';

// Round trip of a validated RPC call through the dispatcher (no transport): the floor under every call.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
const core = createKioskCore({
  dataDir,
  configPath: path.resolve(import.meta.dirname, '../../assets/config.sample.json'),
  appVersion: 'bench',
  logger: createMemoryLogger(),
});
const samples: number[] = [];
for (let i = 0; i < 2000; i++) {
  const start = performance.now();
  await core.dispatch('system.provisioning', {});
  samples.push(performance.now() - start);
}
report({
  bench: 'rpc',
  metric: 'dispatch_p50',
  value: percentile(samples, 50),
  unit: 'ms',
  samples: samples.length,
});
report({
  bench: 'rpc',
  metric: 'dispatch_p95',
  value: percentile(samples, 95),
  unit: 'ms',
  samples: samples.length,
});
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
