import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { html } from '../../../common/print/html';
import { printPage } from '../../../common/print/page';
import { createPdfRenderer, type PdfRenderer } from '../../../node_shared/pdf/pdf_renderer';
import { processesOf } from '../../../node_shared/pdf/process_memory';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-renderer-'));
let renderers: PdfRenderer[] = [];

function renderer(options: Parameters<typeof createPdfRenderer>[0] = {}): PdfRenderer {
  const created = createPdfRenderer(options);
  renderers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(renderers.map((r) => r.close()));
  renderers = [];
});

function document(text: string): string {
  return printPage({ language: 'zh-CN', title: text, pageSize: 'A4', css: '', body: html`<h1>${text}</h1>` });
}

async function pdfText(bytes: Buffer): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout;
}

async function textOf(result: Awaited<ReturnType<PdfRenderer['render']>>): Promise<string> {
  if (!result.ok) throw new Error(result.error);
  return pdfText(result.value);
}

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const browsersOf = (pdf: PdfRenderer) =>
  processesOf(pdf.profileDir!).filter((process) => process.type === 'browser');

describe('the shared Chromium PDF renderer', () => {
  it('renders ten documents asked for at once in one browser, each with its own text, memory bounded', async () => {
    const pdf = renderer({ pages: 3 });
    const renderers = () => processesOf(pdf.profileDir!).filter((p) => p.type === 'renderer').length;
    const batch = async (round: number) => {
      const names = Array.from({ length: 10 }, (_, i) => `申请人${round}-${i}号`);
      const texts = await Promise.all(
        (await Promise.all(names.map((name) => pdf.render(document(name), 'A4')))).map(textOf),
      );
      for (const [i, text] of texts.entries()) expect(text).toContain(names[i]);
    };
    await batch(1);
    const afterFirst = renderers();
    await batch(2);
    expect(pdf.launches).toBe(1);
    expect(browsersOf(pdf)).toHaveLength(1);
    // Three pages at a time (Chromium adds a spare renderer and the start tab's): more documents, no more processes.
    expect(afterFirst).toBeLessThanOrEqual(3 + 2);
    expect(renderers()).toBeLessThanOrEqual(afterFirst);
    const memory = pdf.memory();
    expect(memory?.processes).toBeGreaterThan(1);
    expect(memory?.rssBytes).toBeGreaterThan(memory?.pssBytes ?? 0);
  });

  it('finishes jobs of a one-page renderer in the order they were asked for', async () => {
    const pdf = renderer({ pages: 1 });
    const finished: string[] = [];
    await Promise.all(
      ['第一份', '第二份', '第三份'].map(async (name) => {
        await textOf(await pdf.render(document(name), 'A4'));
        finished.push(name);
      }),
    );
    expect(finished).toEqual(['第一份', '第二份', '第三份']);
  });

  it('replaces a killed page renderer and still prints the document asked for while it was dead', async () => {
    const pdf = renderer();
    expect(await textOf(await pdf.render(document('回执一'), 'A4'))).toContain('回执一');
    for (const { pid } of processesOf(pdf.profileDir!).filter((p) => p.type === 'renderer')) {
      process.kill(pid, 'SIGKILL');
    }
    expect(await textOf(await pdf.render(document('回执二'), 'A4'))).toContain('回执二');
    expect(pdf.launches).toBe(1);
  });

  it('starts a new browser when the old one is killed, without losing the waiting documents', async () => {
    const pdf = renderer();
    await pdf.warm();
    const killed = browsersOf(pdf)[0]!.pid;
    const waiting = ['甲', '乙'].map((name) => pdf.render(document(`申请表${name}`), 'A4'));
    process.kill(killed, 'SIGKILL');
    const texts = await Promise.all((await Promise.all(waiting)).map(textOf));
    expect(texts[0]).toContain('申请表甲');
    expect(texts[1]).toContain('申请表乙');
    expect(pdf.launches).toBe(2);
    expect(browsersOf(pdf).map((p) => p.pid)).not.toContain(killed);
  });

  it('refuses documents beyond its waiting line instead of queueing without bound', async () => {
    const pdf = renderer({ pages: 1, maxWaiting: 2 });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => pdf.render(document(`第${i}份`), 'A4')),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'ok', 'ok', 'busy', 'busy']);
  });

  it('closes an idle browser and starts it again for the next document', async () => {
    const pdf = renderer({ idleCloseMs: 200 });
    await textOf(await pdf.render(document('早上'), 'A4'));
    const profile = pdf.profileDir!;
    await until(() => pdf.profileDir === null && processesOf(profile).length === 0);
    expect(await textOf(await pdf.render(document('下午'), 'A4'))).toContain('下午');
    expect(pdf.launches).toBe(2);
  });

  it('says unavailable when Chromium cannot start, and leaves no profile behind', async () => {
    const pdf = renderer({ executablePath: path.join(dir, 'no-such-chromium') });
    expect(await pdf.render(document('x'), 'A4')).toEqual({ ok: false, error: 'unavailable' });
    expect(pdf.profileDir).toBeNull();
  });

  it('leaves no Chromium process behind when closed', async () => {
    const pdf = renderer({ pages: 2 });
    await textOf(await pdf.render(document('关闭'), 'A4'));
    const profile = pdf.profileDir!;
    expect(processesOf(profile).length).toBeGreaterThan(0);
    await pdf.close();
    expect(processesOf(profile)).toEqual([]);
    expect(fs.existsSync(profile)).toBe(false);
    expect(await pdf.render(document('x'), 'A4')).toEqual({ ok: false, error: 'unavailable' });
  });
});
