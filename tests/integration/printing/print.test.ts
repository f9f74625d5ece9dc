import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, ok } from '../../../common/result';
import type { PrintDocument, Printer } from '../../../core/printing/printer';
import { ChromiumPrinter } from '../../../devhost/chromium_printer';
import { launchChromium } from '../../e2e/support/browser';
import { fillLegalAid, startTestCore, type TestCore } from '../forms/support';

const run = promisify(execFile);

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout;
}

async function submitLegalAid(
  core: TestCore,
  otherParty?: string,
): Promise<{ uuid: string; receiptNo: string }> {
  const draftId = await fillLegalAid(core);
  if (otherParty) await core.call('forms.save_answer', { draftId, stepId: 'other_party', value: otherParty });
  const result = await core.call('forms.submit', { draftId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe('printing through headless Chromium', () => {
  let printer: ChromiumPrinter;
  let core: TestCore;
  let submission: { uuid: string; receiptNo: string };
  const hostile = '<script>alert(1)</script>示例公司';

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
    printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print') });
    core = startTestCore({ dataDir, printer });
    submission = await submitLegalAid(core, hostile);
  });
  afterAll(async () => {
    core.close();
    await printer.close();
  });

  it('prints the receipt with the receipt number, the priority note and the office phone', async () => {
    const result = await core.call('print.receipt', { uuid: submission.uuid, language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const file = path.join(core.dataDir, 'print', `${result.jobId}.pdf`);
    const text = await pdfText(file);
    expect(text).toContain(submission.receiptNo);
    expect(text).toContain('受理回执');
    expect(text).toContain('法律援助申请');
    expect(text).toContain('12348');
    expect(text).toContain('优先受理');
    expect(text).not.toContain('150203199003070025');
  });

  it('prints the A4 application with the answers, the priority mark and hostile text as plain text', async () => {
    const result = await core.call('print.application', { uuid: submission.uuid, language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const file = path.join(core.dataDir, 'print', `${result.jobId}.pdf`);
    const text = await pdfText(file);
    for (const expected of [
      '法律援助申请表',
      '优先',
      '张示例',
      '150203199003070025',
      '15020319900307002542',
      '13800000000',
      '肢体残疾',
      '劳动争议调解与仲裁代理',
      '手语翻译',
      hostile,
    ]) {
      expect(text, expected).toContain(expected);
    }
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
  });

  it('prints an English receipt', async () => {
    const result = await core.call('print.receipt', { uuid: submission.uuid, language: 'en' });
    if (!result.ok) throw new Error(result.reason);
    const text = await pdfText(path.join(core.dataDir, 'print', `${result.jobId}.pdf`));
    expect(text).toContain('Receipt number');
    expect(text).toContain('Legal aid application');
  });

  it('prints the retrieval code of a kept draft', async () => {
    const started = await core.call('forms.start_draft', { templateId: 'home_visit_booking' });
    if (!started.ok) throw new Error('start');
    const kept = await core.call('forms.keep_draft', { draftId: started.draft.draftId });
    if (!kept.ok) throw new Error('keep');
    const result = await core.call('print.retrieval_code', {
      draftId: started.draft.draftId,
      language: 'zh-CN',
    });
    if (!result.ok) throw new Error(result.reason);
    const text = await pdfText(path.join(core.dataDir, 'print', `${result.jobId}.pdf`));
    // Printed in groups of four digits (1234 5678 9012).
    expect(text).toContain(kept.code.replace(/(\d{4})(?=\d)/g, '$1 '));
  });

  it('reports a submission that does not exist', async () => {
    expect(
      await core.call('print.receipt', { uuid: '00000000-0000-4000-8000-000000000000', language: 'zh-CN' }),
    ).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('puts a QR code on the receipt that decodes to the receipt number', async () => {
    const html = await receiptHtml(core, submission.uuid);
    const context = await launchChromium();
    try {
      const page = await context.newPage();
      await page.setContent(html);
      const image = await page.evaluate(async () => {
        const svg = document.querySelector('.qr svg')!;
        const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = 400;
        canvas.height = 400;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#fff';
        g.fillRect(0, 0, 400, 400);
        g.drawImage(img, 0, 0, 400, 400);
        return Array.from(g.getImageData(0, 0, 400, 400).data);
      });
      const code = jsQR(Uint8ClampedArray.from(image), 400, 400);
      expect(code?.data).toBe(submission.receiptNo);
    } finally {
      await context.close();
    }
  });
});

/** The receipt HTML as the print service builds it. */
async function receiptHtml(core: TestCore, uuid: string): Promise<string> {
  const { startForms } = await import('../../../core/forms/forms_handlers');
  const { startPrinting } = await import('../../../core/printing/print_handlers');
  const html = await startPrinting(core.deps, startForms(core.deps)).receiptHtml(uuid, 'zh-CN');
  if (!html) throw new Error('no receipt');
  return html;
}

class FakePrinter implements Printer {
  readonly jobs: PrintDocument[] = [];
  constructor(private readonly outcome: 'ok' | 'out_of_paper' | 'offline' | 'throw') {}
  async print(doc: PrintDocument) {
    this.jobs.push(doc);
    if (this.outcome === 'throw') throw new Error('driver crashed');
    return this.outcome === 'ok' ? ok({ jobId: 'job-1' }) : err({ reason: this.outcome });
  }
}

describe('printer failures are reported, never a false success', () => {
  it.each([
    ['out_of_paper', 'out_of_paper'],
    ['offline', 'offline'],
    ['throw', 'failed'],
  ] as const)('a printer that is %s → %s', async (outcome, reason) => {
    const printer = new FakePrinter(outcome);
    const core = startTestCore({ printer });
    try {
      const { uuid } = await submitLegalAid(core);
      expect(await core.call('print.receipt', { uuid, language: 'zh-CN' })).toEqual({ ok: false, reason });
      expect(printer.jobs[0]).toMatchObject({ kind: 'receipt', pageSize: 'A4' });
      const audit = core.deps.audit.latest(5).map((entry) => `${entry.action}:${entry.subject}`);
      expect(audit).toContain(`print.failed:receipt.${reason}`);
    } finally {
      core.close();
    }
  });

  it('still prints the receipt after the retention purge, but no longer the application', async () => {
    const core = startTestCore({ printer: new FakePrinter('ok') });
    try {
      const { uuid, receiptNo } = await submitLegalAid(core);
      core.deps.db.prepare("UPDATE outbox SET state = 'delivered' WHERE uuid = ?").run(uuid);
      core.deps.db
        .prepare("UPDATE submissions SET payload = '', purged_at = '2027-01-01T00:00:00Z' WHERE uuid = ?")
        .run(uuid);
      expect(await core.call('forms.get_submission_summary', { uuid })).toMatchObject({
        ok: true,
        summary: { receiptNo },
      });
      expect(await core.call('print.receipt', { uuid, language: 'zh-CN' })).toEqual({
        ok: true,
        jobId: 'job-1',
      });
      expect(await core.call('print.application', { uuid, language: 'zh-CN' })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    } finally {
      core.close();
    }
  });

  it('says no_printer when the terminal has none', async () => {
    const core = startTestCore();
    try {
      const { uuid } = await submitLegalAid(core);
      expect(await core.call('print.application', { uuid, language: 'zh-CN' })).toEqual({
        ok: false,
        reason: 'no_printer',
      });
    } finally {
      core.close();
    }
  });

  it('reports a Chromium that cannot start as offline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
    const broken = new ChromiumPrinter({
      spoolDir: dir,
      pdf: { executablePath: path.join(dir, 'no-such-chromium') },
    });
    expect(await broken.print({ html: '<p>x</p>', pageSize: 'A4', kind: 'receipt' })).toEqual({
      ok: false,
      error: { reason: 'offline' },
    });
    await broken.close();
  });
});
