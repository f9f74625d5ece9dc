import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../../assets/content/baotou_content.json';
import table from '../../../assets/fees/baotou_default.json';
import type { FeeSituation } from '../../../common/fees/fee_engine';
import { err } from '../../../common/result';
import type { PrintDocument, Printer } from '../../../core/printing/printer';
import { FEE_RULES_KIND } from '../../../core/published/published_kinds';
import { installPublished } from '../../../core/published/published_store';
import { ChromiumPrinter } from '../../../devhost/chromium_printer';
import { startTestCore, type TestCore } from '../forms/support';

const run = promisify(execFile);

/** The text of a spooled PDF, whitespace collapsed (pdftotext breaks long lines where the page does). */
async function printedText(core: TestCore, jobId: string): Promise<string> {
  const { stdout } = await run('pdftotext', [path.join(core.dataDir, 'print', `${jobId}.pdf`), '-']);
  return stdout.replace(/\s+/g, '');
}

function spooled(core: TestCore): string[] {
  const dir = path.join(core.dataDir, 'print');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

const FIRST_WILL_AT_72 = { matterId: 'will', disabilityLevel: 4, age: 72, firstApplication: true } as const;
const overSeventy = table.rules.find((rule) => rule.id === 'over_70_first_will')!;

describe('printing the fee result and the legal-aid checklist through headless Chromium', () => {
  let printer: ChromiumPrinter;
  let core: TestCore;

  beforeAll(() => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-docprint-'));
    printer = new ChromiumPrinter({ spoolDir: path.join(dataDir, 'print') });
    core = startTestCore({ dataDir, printer });
  });
  afterAll(async () => {
    core.close();
    await printer.close();
  });

  it("a 72-year-old's first will: the PDF says free, with the rule, its source and the centre's phone", async () => {
    const result = await core.call('print.fee_result', { situation: FIRST_WILL_AT_72, language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const text = await printedText(core, result.jobId);
    expect(text).toContain('公证费减免计算结果');
    expect(text).toContain('免收公证费');
    expect(text).toContain(overSeventy.title['zh-CN']);
    expect(text).toContain(overSeventy.sourceRef['zh-CN'].replace(/\s+/g, ''));
    expect(text).toContain('12348');
    const audit = core.deps.audit.latest(3).map((entry) => `${entry.action}:${entry.subject}`);
    expect(audit).toContain('print.done:fee_result');
  });

  it("a partial reduction prints the amounts the core computed (fen exact, in the visitor's favour)", async () => {
    const situation = {
      matterId: 'inheritance',
      disabilityLevel: 2,
      estateValueFen: 900_000,
      legalAidEligible: false,
      standardFeeFen: 30101,
    } as const;
    const result = await core.call('print.fee_result', { situation, language: 'en' });
    if (!result.ok) throw new Error(result.reason);
    const text = await printedText(core, result.jobId);
    expect(text).toContain('Feetopayatmost150.50yuan');
    expect(text).toContain('Standardfee301.01yuan');
    expect(text).toContain('50%(150.51yuan)');
  });

  it('uses the rule table the hub published, not one from the screen', async () => {
    const published = structuredClone(table);
    published.version = '2026-11-28.9';
    published.rules[0]!.title['zh-CN'] = '已发布版本的规定标题（测试）';
    const body = Buffer.from(JSON.stringify(published));
    const installed = installPublished(
      core.deps.db,
      FEE_RULES_KIND,
      { version: published.version, sha256: createHash('sha256').update(body).digest('hex'), body },
      new Date(),
    );
    expect(installed.ok).toBe(true);
    const result = await core.call('print.fee_result', { situation: FIRST_WILL_AT_72, language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const text = await printedText(core, result.jobId);
    expect(text).toContain('已发布版本的规定标题（测试）');
    expect(text).toContain('2026-11-28.9');
  });

  it('prints the legal-aid checklist with every item of the guide', async () => {
    const result = await core.call('print.checklist', { language: 'zh-CN' });
    if (!result.ok) throw new Error(result.reason);
    const text = await printedText(core, result.jobId);
    expect(text).toContain('申请法律援助需要带的材料');
    for (const item of content.guide.checklist)
      expect(text).toContain(item.text['zh-CN'].replace(/\s+/g, ''));
    const { stdout } = await run('pdfinfo', [path.join(core.dataDir, 'print', `${result.jobId}.pdf`)]);
    expect(stdout).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
  });

  it('answers the engine refuses print nothing and say invalid_input', async () => {
    const before = spooled(core).length;
    const refused: FeeSituation[] = [
      { matterId: 'mortgage' },
      { matterId: 'will', disabilityLevel: 4, firstApplication: true },
      { matterId: 'declaration', disabilityLevel: null },
    ];
    for (const situation of refused) {
      expect(
        await core.call('print.fee_result', { situation, language: 'zh-CN' }),
        JSON.stringify(situation),
      ).toEqual({
        ok: false,
        reason: 'invalid_input',
      });
    }
    expect(spooled(core)).toHaveLength(before);
  });

  it('hostile arguments are refused with the field named, and nothing is printed', async () => {
    const before = spooled(core).length;
    const cases: [unknown, string][] = [
      [
        { situation: { ...FIRST_WILL_AT_72, matterId: 'x'.repeat(1024 * 1024) }, language: 'zh-CN' },
        'situation.matterId',
      ],
      [{ situation: { ...FIRST_WILL_AT_72, age: Number.NaN }, language: 'zh-CN' }, 'situation.age'],
      [{ situation: { ...FIRST_WILL_AT_72, age: '72' }, language: 'zh-CN' }, 'situation.age'],
      [
        { situation: { ...FIRST_WILL_AT_72, standardFeeFen: 300.5 }, language: 'zh-CN' },
        'situation.standardFeeFen',
      ],
      [
        { situation: { ...FIRST_WILL_AT_72, standardFeeFen: -1 }, language: 'zh-CN' },
        'situation.standardFeeFen',
      ],
      [
        { situation: { ...FIRST_WILL_AT_72, disabilityLevel: 0 }, language: 'zh-CN' },
        'situation.disabilityLevel',
      ],
      // An amount from the screen is not an argument: the quote is always recomputed.
      [{ situation: { ...FIRST_WILL_AT_72, feeToPayFen: 0 }, language: 'zh-CN' }, 'situation'],
      [{ situation: FIRST_WILL_AT_72, language: 'zh-CN', quote: { feeToPayFen: 0 } }, ''],
      [{ situation: 'will', language: 'zh-CN' }, 'situation'],
      [{ situation: FIRST_WILL_AT_72, language: 'fr' }, 'language'],
      [{ language: 'zh-CN', extra: '$(rm -rf /)\n' }, ''],
    ];
    for (const [args, field] of cases) {
      const method = 'situation' in (args as object) ? 'print.fee_result' : 'print.checklist';
      const response = await core.raw(method, args);
      expect(response.ok, field).toBe(false);
      if (response.ok) continue;
      expect(response.error.code).toBe('invalid_args');
      expect(response.error.issues?.map((issue) => issue.path)).toContain(field);
      expect(JSON.stringify(response.error).length).toBeLessThan(2000);
    }
    const polluted = await core.raw(
      'print.fee_result',
      JSON.parse(`{"situation":{"matterId":"will","__proto__":{"age":72}},"language":"zh-CN"}`),
    );
    expect(polluted).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(spooled(core)).toHaveLength(before);
  });
});

class FailingPrinter implements Printer {
  readonly jobs: PrintDocument[] = [];
  async print(doc: PrintDocument) {
    this.jobs.push(doc);
    return err({ reason: 'out_of_paper' as const });
  }
}

describe('printer trouble with free-standing documents', () => {
  it('out of paper is reported for the fee result and the checklist, and audited', async () => {
    const printer = new FailingPrinter();
    const core = startTestCore({ printer });
    try {
      expect(await core.call('print.fee_result', { situation: FIRST_WILL_AT_72, language: 'zh-CN' })).toEqual(
        {
          ok: false,
          reason: 'out_of_paper',
        },
      );
      expect(await core.call('print.checklist', { language: 'en' })).toEqual({
        ok: false,
        reason: 'out_of_paper',
      });
      expect(printer.jobs.map((job) => job.kind)).toEqual(['fee_result', 'checklist']);
      const audit = core.deps.audit.latest(5).map((entry) => `${entry.action}:${entry.subject}`);
      expect(audit).toContain('print.failed:checklist.out_of_paper');
    } finally {
      core.close();
    }
  });

  it('a kiosk without a printer says no_printer', async () => {
    const core = startTestCore();
    try {
      expect(await core.call('print.checklist', { language: 'zh-CN' })).toEqual({
        ok: false,
        reason: 'no_printer',
      });
    } finally {
      core.close();
    }
  });
});
