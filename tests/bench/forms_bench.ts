import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChromiumPrinter } from '../../devhost/chromium_printer';
import { LEGAL_AID_ANSWERS, startTestCore } from '../integration/forms/support';
import { percentile, report } from './bench_report';

// Answer-to-saved-draft and submission latency through the validated RPC on the encrypted database
// (synchronous=FULL, so each save is on disk), then the render time of the A4 application PDF with a warm
// browser.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-forms-bench-'));
const printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print') });
const core = startTestCore({ printer, dataDir });

const saves: number[] = [];
const submits: number[] = [];
let lastUuid = '';
for (let round = 0; round < 40; round++) {
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start failed');
  for (const [stepId, value] of LEGAL_AID_ANSWERS) {
    const start = performance.now();
    const saved = await core.dispatch('forms.save_answer', { draftId: started.draft.draftId, stepId, value });
    saves.push(performance.now() - start);
    if (!saved.ok) throw new Error(stepId);
  }
  const start = performance.now();
  const submitted = await core.call('forms.submit', { draftId: started.draft.draftId });
  submits.push(performance.now() - start);
  if (!submitted.ok) throw new Error('submit failed');
  lastUuid = submitted.uuid;
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
report({
  bench: 'forms',
  metric: 'submit_p95',
  value: percentile(submits, 95),
  unit: 'ms',
  target: '<= 50',
  samples: submits.length,
});

await printer.warm();
await core.call('print.application', { uuid: lastUuid, language: 'zh-CN' }); // first page load of fonts
const renders: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  const printed = await core.call('print.application', { uuid: lastUuid, language: 'zh-CN' });
  renders.push(performance.now() - start);
  if (!printed.ok) throw new Error(printed.reason);
}
report({
  bench: 'forms',
  metric: 'application_pdf_p50',
  value: percentile(renders, 50),
  unit: 'ms',
  samples: renders.length,
});
report({
  bench: 'forms',
  metric: 'application_pdf_p95',
  value: percentile(renders, 95),
  unit: 'ms',
  target: '<= 1500',
  samples: renders.length,
});

core.close();
await printer.close();
fs.rmSync(core.dataDir, { recursive: true, force: true });
