import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEGAL_AID_ANSWERS, startTestCore } from '../integration/forms/support';
import { percentile, report } from './bench_report';

// Answer-to-saved-draft latency through the validated RPC (synchronous=FULL, so each save is on disk).
// Printing the application has its own benchmark (print_bench.ts).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-forms-bench-'));
const core = startTestCore({ dataDir });

const saves: number[] = [];
for (let round = 0; round < 20; round++) {
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start failed');
  for (const [stepId, value] of LEGAL_AID_ANSWERS) {
    const start = performance.now();
    const saved = await core.dispatch('forms.save_answer', { draftId: started.draft.draftId, stepId, value });
    saves.push(performance.now() - start);
    if (!saved.ok) throw new Error(stepId);
  }
  const submitted = await core.call('forms.submit', { draftId: started.draft.draftId });
  if (!submitted.ok) throw new Error('submit failed');
}
report({
  bench: 'forms',
  metric: 'save_answer_p50',
  value: percentile(saves, 50),
  unit: 'ms',
  samples: saves.length,
});
report({
  bench: 'forms',
  metric: 'save_answer_p95',
  value: percentile(saves, 95),
  unit: 'ms',
  target: '<= 10',
  samples: saves.length,
});

core.close();
fs.rmSync(core.dataDir, { recursive: true, force: true });
