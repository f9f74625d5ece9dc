import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spoolDirOf } from '../../../core/printing/print_spool';
import { createElectronPrinter, type PrintPorts } from '../../../electron/main/electron_printer';
import { createMemoryLogger } from '../../../node_shared/logger';
import { decryptedPages, filesContaining } from '../../support/kiosk_database';
import { LEGAL_AID_ANSWERS, startTestCore, type TestCore } from '../forms/support';

// Names nobody has, written in answers and then erased.
const WIPED_NAME = '擦除测试甲乙丙';
const PURGED_NAME = '清除测试丁戊己';
const KEPT_NAME = '保留测试庚辛';

let core: TestCore;
afterEach(() => core?.close());

async function draftWithName(name: string): Promise<string> {
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start failed');
  const saved = await core.call('forms.save_answer', {
    draftId: started.draft.draftId,
    stepId: 'full_name',
    value: name,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return started.draft.draftId;
}

/** Modes of every file and folder under `dir` (with `dir` itself). */
function modes(dir: string): { file: string; mode: number }[] {
  const entries = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name));
  return [dir, ...entries].map((file) => ({ file, mode: fs.statSync(file).mode & 0o777 }));
}

/** The Electron printer without a printer configured: it spools PDFs into the data folder. */
function spoolingPrinter(dataDir: string) {
  let html = '';
  const ports: PrintPorts = {
    openSurface: async () => ({
      load: async (document) => {
        html = document;
      },
      print: async () => ({ success: true, failureReason: '' }),
      printToPdf: async () => new TextEncoder().encode(`%PDF-1.4 ${html.length}`),
      gone: false,
      destroy: () => {},
    }),
    listPrinters: async () => [],
  };
  return createElectronPrinter({
    ports,
    printerName: () => '',
    spoolDir: spoolDirOf(dataDir),
    logger: createMemoryLogger(),
  });
}

describe('erased means erased', () => {
  it('leaves a wiped draft’s name in no file under the data folder, nor in the database’s free pages', async () => {
    core = startTestCore();
    const kept = await draftWithName(KEPT_NAME);
    await core.call('forms.keep_draft', { draftId: kept });
    await draftWithName(WIPED_NAME);
    await draftWithName('后来的访客');
    expect(await core.call('forms.end_session', {})).toEqual({ wiped: 2 });

    expect(filesContaining(core.dataDir, WIPED_NAME)).toEqual([]);
    const pages = decryptedPages(core.dataDir);
    expect(pages.includes(Buffer.from(KEPT_NAME))).toBe(true);
    expect(pages.includes(Buffer.from(WIPED_NAME))).toBe(false);
    expect(fs.statSync(path.join(core.dataDir, 'kiosk.sqlite-wal')).size).toBe(0);
  });

  it('erases the payload of a delivered submission 30 days on, while the kiosk runs', async () => {
    const start = Date.now();
    let now = start;
    core = startTestCore({ now: () => new Date(now), sweepMs: 200 });
    const draftId = await draftWithName(PURGED_NAME);
    for (const [stepId, value] of LEGAL_AID_ANSWERS.filter(([id]) => id !== 'full_name'))
      await core.call('forms.save_answer', { draftId, stepId, value });
    const submitted = await core.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    core.deps.db
      .prepare("UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE uuid = ?")
      .run(new Date(start).toISOString(), submitted.uuid);
    expect(decryptedPages(core.dataDir).includes(Buffer.from(PURGED_NAME))).toBe(true);
    now = start + 31 * 86_400_000;
    // The sweep runs on a timer while the kiosk is up (every minute; here shortened): no restart needed.
    for (let i = 0; i < 50 && decryptedPages(core.dataDir).includes(Buffer.from(PURGED_NAME)); i++)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(decryptedPages(core.dataDir).includes(Buffer.from(PURGED_NAME))).toBe(false);
    expect(filesContaining(core.dataDir, PURGED_NAME)).toEqual([]);
  }, 60_000);

  it('keeps data files 0600 in 0700 folders, spooled PDFs too, and shreds spooled PDFs after 10 minutes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-modes-'));
    fs.chmodSync(dataDir, 0o755);
    // Left by an older version with the default umask.
    fs.mkdirSync(path.join(dataDir, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'logs', 'kiosk.log'), '{}\n', { mode: 0o644 });
    core = startTestCore({ dataDir, printer: spoolingPrinter(dataDir), sweepMs: 200 });
    const draftId = await draftWithName(WIPED_NAME);
    await core.call('forms.save_answer', { draftId, stepId: 'sex', value: 'female' });
    const kept = await core.call('forms.keep_draft', { draftId });
    if (!kept.ok) throw new Error('keep');
    const printed = await core.call('print.retrieval_code', { draftId, language: 'zh-CN' });
    expect(printed).toMatchObject({ ok: true });
    const wrongModes = modes(dataDir).filter(({ file, mode }) =>
      fs.statSync(file).isDirectory() ? mode !== 0o700 : mode !== 0o600,
    );
    expect(wrongModes).toEqual([]);
    const spooled = fs.readdirSync(spoolDirOf(dataDir));
    expect(spooled).toHaveLength(1);
    // Eleven minutes later, at the next sweep: shredded.
    const file = path.join(spoolDirOf(dataDir), spooled[0]!);
    const past = new Date(Date.now() - 11 * 60_000);
    fs.utimesSync(file, past, past);
    for (let i = 0; i < 50 && fs.existsSync(file); i++)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);
});
