import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormsService } from '../../../core/forms/forms_service';
import { sampleOptionProvider } from '../../../core/forms/option_sources';
import { fileTemplateSource, TemplateRegistry } from '../../../core/forms/template_registry';
import { clockOf } from '../../../core/pins/core_clock';
import { openDatabase } from '../../../core/storage/database';
import { TEST_KEY } from '../../support/kiosk_database';
import { REPO } from './support';

const FEEDBACK = 'satisfaction_feedback@1.0.0.json';

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-templates-'));
  fs.copyFileSync(path.join(REPO, 'assets', 'templates', FEEDBACK), path.join(dir, FEEDBACK));
  const opened = openDatabase(path.join(dir, 'db', 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  const registry = new TemplateRegistry([fileTemplateSource(dir)]);
  const forms = new FormsService({
    db: opened.value,
    registry,
    options: sampleOptionProvider,
    now: () => new Date('2026-11-28T04:00:00Z'),
    clock: clockOf(() => new Date('2026-11-28T04:00:00Z')),
    terminal: { terminalId: 't-1', centreId: 'c-1' },
  });
  const base = JSON.parse(fs.readFileSync(path.join(dir, FEEDBACK), 'utf8'));
  return { dir, registry, forms, base, db: opened.value };
}

describe('template versions', () => {
  it('keeps a draft on the version it started with when a newer one is published', () => {
    const { dir, registry, forms, base, db } = setup();
    const old = forms.startDraft('satisfaction_feedback');
    if (!old.ok) throw new Error('start');

    // Version 1.1.0 adds a required first question.
    const newer = structuredClone(base);
    newer.version = '1.1.0';
    newer.sections[0].steps.unshift({
      id: 'visit_date',
      field: { type: 'date', notAfter: 'today' },
      required: true,
      label: { 'zh-CN': '日期', en: 'Date' },
      prompt: { 'zh-CN': '哪天办理的？', en: 'When?' },
    });
    fs.writeFileSync(path.join(dir, 'satisfaction_feedback@1.1.0.json'), JSON.stringify(newer));
    expect(registry.reload()).toEqual([]);

    const fresh = forms.startDraft('satisfaction_feedback');
    expect(fresh.ok && fresh.draft.template.version).toBe('1.1.0');
    expect(fresh.ok && fresh.draft.visibleSteps[0]).toBe('visit_date');

    // The old draft still walks, validates and submits on 1.0.0.
    for (const [stepId, value] of [
      ['service_used', 'kiosk'],
      ['overall', 'satisfied'],
      ['accessibility', 'satisfied'],
      ['staff', 'very_satisfied'],
      ['want_follow_up', false],
    ] as const) {
      expect(forms.saveAnswer(old.draft.draftId, stepId, value).ok).toBe(true);
    }
    expect(forms.saveAnswer(old.draft.draftId, 'visit_date', '2026-11-01')).toEqual({
      ok: false,
      reason: 'unknown_step',
    });
    const submitted = forms.submit(old.draft.draftId);
    expect(submitted.ok && submitted.submission.templateVersion).toBe('1.0.0');
    db.close();
  });

  it('refuses a second, different body for a version already loaded', () => {
    const { dir, registry, base, db } = setup();
    const tampered = structuredClone(base);
    tampered.title['zh-CN'] = '改过的标题';
    fs.writeFileSync(path.join(dir, 'zz_tampered.json'), JSON.stringify(tampered));
    const problems = registry.reload();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatchObject({ templateId: 'satisfaction_feedback', field: 'version' });
    expect(registry.get('satisfaction_feedback', '1.0.0')!.title['zh-CN']).toBe('满意度评价');
    db.close();
  });

  it('refuses an invalid template on load and keeps the valid ones', () => {
    const { dir, registry, base, db } = setup();
    const broken = structuredClone(base);
    broken.id = 'broken_form';
    broken.print.sections[0].rows.push({ step: 'missing_step' });
    fs.writeFileSync(path.join(dir, 'broken_form@1.0.0.json'), JSON.stringify(broken));
    const problems = registry.reload();
    expect(problems.map((p) => p.problem)).toEqual([
      expect.objectContaining({ templateId: 'broken_form', stepId: 'missing_step' }),
    ]);
    expect(registry.get('broken_form')).toBeNull();
    expect(registry.latest().map((t) => t.id)).toEqual(['satisfaction_feedback']);
    db.close();
  });
});
