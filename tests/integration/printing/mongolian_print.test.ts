import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mnPrint from '../../../assets/locales/mn-Mong-CN/print.json';
import { ChromiumPrinter } from '../../../devhost/chromium_printer';
import { fillLegalAid, REPO, startTestCore, type TestCore } from '../forms/support';

const run = promisify(execFile);
const MONGOLIAN_NAME = 'ᠪᠠᠲᠤ';
const CYRILLIC = /[\u0400-\u04ff]/;

interface Word {
  text: string;
  xMin: number;
}

/** The words of a spooled PDF with their left edge (`pdftotext -bbox`). */
async function printedWords(core: TestCore, jobId: string): Promise<Word[]> {
  const file = path.join(core.dataDir, 'print', `${jobId}.pdf`);
  const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
  return [...stdout.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    text: match[2]!,
  }));
}

const textOf = (words: Word[]) => words.map((word) => word.text).join('');
const firstX = (words: Word[], pattern: RegExp) => words.find((word) => pattern.test(word.text))?.xMin;

describe('Mongolian and bilingual printouts through headless Chromium', () => {
  let printer: ChromiumPrinter;
  let core: TestCore;
  let uuid: string;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-mnprint-'));
    const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'assets', 'config.sample.json'), 'utf8'));
    const configPath = path.join(dataDir, 'config.json');
    fs.writeFileSync(configPath, JSON.stringify({ ...sample, bilingual: true }));
    printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print') });
    core = startTestCore({ dataDir, printer, configPath });
    const draftId = await fillLegalAid(core);
    await core.call('forms.save_answer', { draftId, stepId: 'full_name', value: MONGOLIAN_NAME });
    const submitted = await core.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error('submit failed');
    uuid = submitted.uuid;
  });
  afterAll(async () => {
    core.close();
    await printer.close();
  });

  it('a bilingual terminal prints the receipt heading in Mongolian left of the Chinese', async () => {
    const result = await core.call('print.receipt', { uuid, language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const words = await printedWords(core, result.jobId);
    const text = textOf(words);
    expect(text).toContain('受理回执');
    expect(text).toMatch(/[\u1820-\u1842]/);
    expect(CYRILLIC.test(text)).toBe(false);
    const mongolianX = firstX(words, /[\u1820-\u1842]/);
    const chineseX = firstX(words, /受理回执/);
    expect(mongolianX).toBeDefined();
    expect(mongolianX!).toBeLessThan(chineseX!);
  });

  it("a Mongolian session's application carries the Mongolian name and Mongolian labels, no Cyrillic", async () => {
    const result = await core.call('print.application', { uuid, language: 'mn-Mong-CN' });
    if (!result.ok) throw new Error(result.reason);
    const text = textOf(await printedWords(core, result.jobId));
    expect(text).toContain(MONGOLIAN_NAME);
    // pdftotext splits vertical runs at spaces; each word of a drafted label is in the PDF.
    for (const word of mnPrint.application.submitted_at.split(/\s/)) expect(text).toContain(word);
    expect(text).toContain('法律援助');
    expect(CYRILLIC.test(text)).toBe(false);
  });
});
