import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChromiumPrinter, type ChromiumPrinterOptions } from '../../devhost/chromium_printer';
import { fillLegalAid, startTestCore, type TestCore } from '../integration/forms/support';
import { percentile, report } from './bench_report';

// The visitor's press on "print the application" to the spooled job (the A4 PDF written by the dev host's
// printer), through the validated RPC. The old path is measured in the same run for the ratio: the previous
// printer opened a fresh page per job and used the full Noto Sans CJK face (`maxUsesPerPage: 1`,
// `fontDir: null` reproduce it with the same module).
const ROUNDS = 20;
const TARGET = 'p95 <= 500 ms';

const PATHS: { name: string; pdf: ChromiumPrinterOptions['pdf'] }[] = [
  { name: 'before_fresh_page_full_font', pdf: { maxUsesPerPage: 1, fontDir: null } },
  { name: 'reused_page_full_font', pdf: { fontDir: null } },
  { name: 'after', pdf: {} },
];

async function press(core: TestCore, uuid: string, kind: 'application' | 'receipt'): Promise<number> {
  const start = performance.now();
  const printed = await core.call(`print.${kind}`, { uuid, language: 'zh-CN' });
  if (!printed.ok) throw new Error(printed.reason);
  return performance.now() - start;
}

function reportSamples(metric: string, samples: number[], target?: string): void {
  for (const p of [50, 95]) {
    report({
      bench: 'print',
      metric: `${metric}_p${p}`,
      value: percentile(samples, p),
      unit: 'ms',
      samples: samples.length,
      ...(p === 95 && target ? { target } : {}),
    });
  }
}

for (const { name, pdf } of PATHS) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-bench-'));
  const printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print'), pdf });
  const core = startTestCore({ printer, dataDir });
  try {
    const submitted = await core.call('forms.submit', { draftId: await fillLegalAid(core) });
    if (!submitted.ok) throw new Error('submit failed');
    const { uuid } = submitted;

    // Cold: the first press with no browser running yet (the dev host warms it once the first screen is up).
    report({
      bench: 'print',
      metric: `${name}_cold_first`,
      value: await press(core, uuid, 'application'),
      unit: 'ms',
    });

    const warm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(await press(core, uuid, 'application'));
    reportSamples(`${name}_warm`, warm, TARGET);

    // Two presses at once (the application, then the receipt): the second waits for the first.
    const first: number[] = [];
    const second: number[] = [];
    for (let i = 0; i < ROUNDS / 2; i++) {
      const [a, b] = await Promise.all([press(core, uuid, 'application'), press(core, uuid, 'receipt')]);
      first.push(a);
      second.push(b);
    }
    reportSamples(`${name}_with_queued_second_first`, first, TARGET);
    reportSamples(`${name}_with_queued_second_second`, second);

    const memory = printer.pdf.memory();
    if (memory) {
      report({
        bench: 'print',
        metric: `${name}_browser_rss`,
        value: memory.rssBytes / 2 ** 20,
        unit: 'MiB',
      });
      report({
        bench: 'print',
        metric: `${name}_browser_pss`,
        value: memory.pssBytes / 2 ** 20,
        unit: 'MiB',
      });
    }
  } finally {
    core.close();
    await printer.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
