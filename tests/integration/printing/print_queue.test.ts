import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../../devhost/chromium_printer';
import { processesOf } from '../../../node_shared/pdf/process_memory';
import { fillLegalAid, startTestCore, type TestCore } from '../forms/support';

const run = promisify(execFile);

// The dev host's warm print renderer behind the real core: presses at once, and a renderer killed mid-job.
describe('the kiosk print renderer', () => {
  let printer: ChromiumPrinter;
  let core: TestCore;
  let uuid: string;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-queue-'));
    printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print') });
    core = startTestCore({ dataDir, printer });
    const submitted = await core.call('forms.submit', { draftId: await fillLegalAid(core) });
    if (!submitted.ok) throw new Error('submit failed');
    uuid = submitted.uuid;
    // What the core does once the first screen is up.
    await core.call('system.ready', {});
    await printer.warm();
  });
  afterAll(async () => {
    core.close();
    await printer.close();
  });

  async function spooledText(result: { ok: true; jobId: string } | { ok: false; reason: string }) {
    if (!result.ok) throw new Error(result.reason);
    const { stdout } = await run('pdftotext', [path.join(core.dataDir, 'print', `${result.jobId}.pdf`), '-']);
    return stdout;
  }

  it('prints the application and a receipt pressed at once, one after the other in the order pressed', async () => {
    const finished: string[] = [];
    const press = async (kind: 'receipt' | 'application') => {
      const result = await core.call(`print.${kind}`, { uuid, language: 'zh-CN' });
      finished.push(kind);
      return spooledText(result);
    };
    const [application, receipt] = await Promise.all([press('application'), press('receipt')]);
    expect(finished).toEqual(['application', 'receipt']);
    expect(receipt).toContain('受理回执');
    expect(application).toContain('法律援助申请表');
    expect(application).toContain('张示例');
  });

  it('replaces a print renderer killed in the middle of a job and still prints that job', async () => {
    const profile = printer.pdf.profileDir!;
    const pressed = core.call('print.application', { uuid, language: 'zh-CN' });
    for (const { pid } of processesOf(profile).filter((p) => p.type === 'renderer'))
      process.kill(pid, 'SIGKILL');
    expect(await spooledText(await pressed)).toContain('张示例');
  });

  it('starts a new print browser when the old one was killed, and the next press prints', async () => {
    const killed = processesOf(printer.pdf.profileDir!).find((p) => p.type === 'browser')!.pid;
    process.kill(killed, 'SIGKILL');
    const text = await spooledText(await core.call('print.receipt', { uuid, language: 'zh-CN' }));
    expect(text).toContain('受理回执');
    expect(processesOf(printer.pdf.profileDir!).map((p) => p.pid)).not.toContain(killed);
  });
});
