import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fillLegalAid, LEGAL_AID_ANSWERS, startTestCore } from '../integration/forms/support';
import { percentile, report } from './bench_report';

// Answer-to-saved-draft latency through the validated RPC (synchronous=FULL, so each save is on disk).
// Printing the application has its own benchmark (print_bench.ts). Then the visitor's "submit" with few and
// with 20,000 stored submissions (earlier days, delivered): it must not grow with them. The old receipt
// count (`receipt_no LIKE 'prefix%'`, a scan of every row) is timed on the same file for the ratio.
const STORED = 20_000;
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

async function submits(rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const draftId = await fillLegalAid(core);
    const start = performance.now();
    const submitted = await core.call('forms.submit', { draftId });
    times.push(performance.now() - start);
    if (!submitted.ok) throw new Error('submit failed');
  }
  return times;
}

function reportSubmit(metric: string, samples: number[]): void {
  for (const p of [50, 95])
    report({
      bench: 'forms',
      metric: `${metric}_p${p}`,
      value: percentile(samples, p),
      unit: 'ms',
      samples: samples.length,
    });
}

reportSubmit('submit_few_stored', await submits(20));
const db = new Database(path.join(dataDir, 'kiosk.sqlite'));
db.transaction(() => {
  const submission = db.prepare(
    `INSERT INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, created_at)
     VALUES (?, 'legal_aid_application', '1.0.0', '', ?, ?, ?)`,
  );
  const outbox = db.prepare("INSERT INTO outbox (uuid, state) VALUES (?, 'delivered')");
  for (let i = 0; i < STORED; i++) {
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const day = String(100 + Math.floor(i / 200)).slice(-3);
    submission.run(
      uuid,
      '0'.repeat(64),
      `BT-0001-250${day}-${String(i % 200).padStart(3, '0')}`,
      '2025-01-01',
    );
    outbox.run(uuid);
  }
})();
reportSubmit(`submit_with_${STORED}_stored`, await submits(20));
const likeCount = db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE receipt_no LIKE ?');
const oldCounts: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  likeCount.get('BT-0001-261206-%');
  oldCounts.push(performance.now() - start);
}
reportSubmit(`before_receipt_count_like_at_${STORED}_stored`, oldCounts);
db.close();

core.close();
fs.rmSync(core.dataDir, { recursive: true, force: true });
