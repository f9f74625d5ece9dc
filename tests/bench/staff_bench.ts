import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SubmissionStore } from '../../core/forms/submissions';
import { createKioskCore } from '../../core/kiosk_core';
import { hashPin } from '../../core/pins/pin_hash';
import { createMemoryLogger } from '../../node_shared/logger';
import { percentile, report } from './bench_report';

// Staff list and counts over a busy terminal's month (500 applications, every third a priority one).
// The hub desk's PDF has its own benchmark (desk_print_bench.ts).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-bench-'));
const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/config.sample.json'), 'utf8'),
);
const configPath = path.join(root, 'kiosk.json');
fs.writeFileSync(configPath, JSON.stringify({ ...sample, staff: { pinHash: hashPin('123456') } }));
const core = createKioskCore({
  dataDir: path.join(root, 'data'),
  configPath,
  appVersion: 'bench',
  logger: createMemoryLogger(),
});
const store = new SubmissionStore(core.deps.db);
const start = Date.now() - 29 * 24 * 3600_000;
for (let i = 0; i < 500; i++) {
  store.submit({
    draftId: `bench-${i}`,
    template: { id: 'legal_aid_application', version: '1.0.0' },
    terminalId: 'sample-kiosk-01',
    centreId: 'c',
    priority: i % 3 === 0,
    assisted: false,
    answers: { full_name: '示例' },
    feeReduction: null,
    now: new Date(start + i * 5000_000),
  });
}
await core.dispatch('staff.unlock', { pin: '123456' });
for (const [method, args] of [
  ['staff.list_submissions', { days: 30 }],
  ['staff.counts', { days: 30 }],
] as const) {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await core.dispatch(method, args);
    samples.push(performance.now() - t0);
  }
  const name = method.replace('staff.', '');
  report({
    bench: 'staff',
    metric: `${name}_500_p50`,
    value: percentile(samples, 50),
    unit: 'ms',
    samples: samples.length,
  });
  report({
    bench: 'staff',
    metric: `${name}_500_p95`,
    value: percentile(samples, 95),
    unit: 'ms',
    samples: samples.length,
  });
}
core.close();

fs.rmSync(root, { recursive: true, force: true });
