import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../common/result';
import type { PrintDocument, Printer } from '../../../core/printing/printer';
import { openKioskDataDb } from '../../support/kiosk_database';
import { fillLegalAid, LEGAL_AID_ANSWERS, startTestCore, type TestCore } from './support';

/** Keeps the HTML of every document instead of printing it. */
function capturingPrinter(): Printer & { docs: PrintDocument[] } {
  const docs: PrintDocument[] = [];
  return {
    docs,
    print: async (doc) => {
      docs.push(doc);
      return ok({ jobId: `job-${docs.length}` });
    },
  };
}

/** The draft as if it had been started before a newer version was installed. */
function moveDraftToVersion(core: TestCore, draftId: string, version: string): void {
  const db = openKioskDataDb(core.dataDir);
  db.prepare('UPDATE drafts SET template_version = ? WHERE id = ?').run(version, draftId);
  db.close();
}

const NEW_IN_1_3_0 = ['filer_role', 'urgent_deadline', 'art32_group'];

let core: TestCore;
afterEach(() => core?.close());

describe('bundled legal-aid application 1.0.0, 1.1.0 (Mongolian drafts), 1.2.0 (ID card), 1.3.0 (issue 22)', () => {
  it('a new draft starts on 1.3.0 and its Mongolian printout uses the Mongolian texts', async () => {
    const printer = capturingPrinter();
    core = startTestCore({ printer });
    const listed = (await core.call('forms.list_templates', {})).templates.find(
      (t) => t.id === 'legal_aid_application',
    );
    expect(listed).toMatchObject({ version: '1.3.0', title: { 'mn-Mong-CN': expect.any(String) } });

    const submitted = await core.call('forms.submit', { draftId: await fillLegalAid(core) });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const template = await core.call('forms.get_template', { id: 'legal_aid_application', version: '1.3.0' });
    if (!template.ok) throw new Error('no 1.3.0');
    const printed = await core.call('print.application', { uuid: submitted.uuid, language: 'mn-Mong-CN' });
    expect(printed.ok).toBe(true);
    const html = printer.docs.at(-1)!.html;
    expect(html).toContain(template.template.print.title['mn-Mong-CN']!);
    // sections[0] (who applies) is new in 1.3.0 and not yet drafted in Mongolian; the applicant's has it
    expect(html).toContain(template.template.print.sections[1]!.title['mn-Mong-CN']!);
  });

  it('the receipt lists the papers of the branch chosen on 1.3.0 (an agent: power of attorney, agent ID)', async () => {
    core = startTestCore();
    const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
    if (!started.ok) throw new Error('start');
    const { draftId } = started.draft;
    const agent: [string, string][] = [
      ['filer_role', 'agent'],
      ['filer_name', '王芳'],
      ['filer_resident_id', '150202198001010028'],
      ['filer_phone', '13712345678'],
      ['filer_relation', 'other'],
    ];
    for (const [stepId, value] of [...agent, ...LEGAL_AID_ANSWERS.filter(([id]) => id !== 'filer_role')]) {
      const saved = await core.call('forms.save_answer', { draftId, stepId, value });
      expect(saved.ok, stepId).toBe(true);
    }
    const submitted = await core.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const summary = await core.call('forms.get_submission_summary', { uuid: submitted.uuid });
    if (!summary.ok) throw new Error('summary');
    expect(summary.summary.papers?.map((text) => text['zh-CN'])).toEqual([
      '申请人的居民身份证或者户口簿',
      '申请人的残疾人证',
      '授权委托书（申请人签名或者按指印）',
      '代理人的居民身份证',
      '与案件有关的材料（例如合同、判决书、证据）',
    ]);
  });

  it.each(['1.0.0', '1.1.0', '1.2.0'])(
    'an old draft keeps %s: it resumes, submits on it and its receipt and application still print',
    async (version) => {
      const printer = capturingPrinter();
      core = startTestCore({ printer });
      const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
      if (!started.ok) throw new Error('start');
      moveDraftToVersion(core, started.draft.draftId, version);
      const kept = await core.call('forms.keep_draft', { draftId: started.draft.draftId });
      if (!kept.ok) throw new Error('keep');

      const resumed = await core.call('forms.resume_draft', { code: kept.code });
      expect(resumed).toMatchObject({ ok: true, draft: { template: { version } } });
      // the questions 1.3.0 added do not exist on the old version
      for (const [stepId, value] of LEGAL_AID_ANSWERS.filter(([id]) => !NEW_IN_1_3_0.includes(id))) {
        const saved = await core.call('forms.save_answer', { draftId: started.draft.draftId, stepId, value });
        expect(saved.ok, stepId).toBe(true);
      }
      const submitted = await core.call('forms.submit', { draftId: started.draft.draftId });
      if (!submitted.ok) throw new Error(JSON.stringify(submitted));

      const db = openKioskDataDb(core.dataDir, { readonly: true });
      expect(
        db.prepare('SELECT template_version FROM submissions WHERE uuid = ?').get(submitted.uuid),
      ).toEqual({ template_version: version });
      db.close();

      for (const method of ['print.receipt', 'print.application'] as const) {
        const printed = await core.call(method, { uuid: submitted.uuid, language: 'zh-CN' });
        expect(printed.ok, method).toBe(true);
        expect(printer.docs.at(-1)!.html).toContain('法律援助申请');
      }
      if (version !== '1.0.0') return;
      // 1.0.0 has no Mongolian print title: a Mongolian printout falls back to the Chinese one, marked zh-CN
      const mongolian = await core.call('print.application', {
        uuid: submitted.uuid,
        language: 'mn-Mong-CN',
      });
      expect(mongolian.ok).toBe(true);
      expect(printer.docs.at(-1)!.html).toContain('<span lang="zh-CN">法律援助申请表</span>');
    },
  );
});
