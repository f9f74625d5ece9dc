import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTemplateProblem, parseTemplate } from '../../../common/forms/parse_template';
import { allSteps, FIELD_TYPES } from '../../../common/forms/template_schema';
import { bundledRegistry } from './bundled_templates';
import { smallTemplate } from './template_fixture';

function refusal(raw: unknown) {
  const result = parseTemplate(raw);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('template schema', () => {
  it('accepts a valid template and fills defaults', () => {
    const result = parseTemplate(smallTemplate());
    expect(result.ok).toBe(true);
    if (result.ok) expect(allSteps(result.value)[0]!.field).toEqual({ type: 'text', maxLength: 20 });
  });

  it('refuses a bad field naming the step and the field', () => {
    const raw = smallTemplate();
    (raw.sections[0]!.steps[0]!.field as { maxLength: number }).maxLength = 5000;
    const problem = refusal(raw);
    expect(problem).toMatchObject({ templateId: 'small_form', stepId: 'name', field: 'field.maxLength' });
    expect(formatTemplateProblem(problem)).toContain('step "name", field "field.maxLength"');
  });

  it('refuses an unknown field type and a missing Chinese prompt', () => {
    const raw = smallTemplate();
    (raw.sections[0]!.steps[1]!.field as { type: string }).type = 'colour';
    expect(refusal(raw)).toMatchObject({ stepId: 'has_cert', field: 'field.type' });
    const noZh = smallTemplate();
    delete (noZh.sections[0]!.steps[1]!.prompt as { 'zh-CN'?: string })['zh-CN'];
    expect(refusal(noZh)).toMatchObject({ stepId: 'has_cert', field: 'prompt.zh-CN' });
  });

  it('refuses a condition that refers to a missing or later step', () => {
    const missing = smallTemplate();
    missing.sections[0]!.steps[2]!.showIf = { step: 'no_such_step', equals: true };
    expect(refusal(missing)).toMatchObject({ stepId: 'level', field: 'showIf' });
    expect(refusal(missing).message).toContain('no_such_step');
    const later = smallTemplate();
    later.sections[0]!.steps[1]!.showIf = { all: [{ step: 'level', answered: true }] };
    expect(refusal(later)).toMatchObject({ stepId: 'has_cert', field: 'showIf' });
  });

  it('checklist, notes and priority reasons must refer to real steps (legal aid 1.3.0 fields)', () => {
    const text = { 'zh-CN': '材料', en: 'Paper' };
    const fine = parseTemplate({
      ...smallTemplate(),
      checklist: [
        { id: 'id_card', text },
        { id: 'cert', text, when: { step: 'has_cert', equals: true } },
      ],
      notes: [{ steps: ['has_cert'], text }],
    });
    expect(fine.ok).toBe(true);
    expect(
      refusal({ ...smallTemplate(), checklist: [{ id: 'x', text, when: { step: 'nope', equals: true } }] }),
    ).toMatchObject({ field: 'checklist.0.when', message: expect.stringContaining('"nope"') });
    expect(
      refusal({
        ...smallTemplate(),
        checklist: [
          { id: 'x', text },
          { id: 'x', text },
        ],
      }),
    ).toMatchObject({ field: 'checklist.1.id' });
    expect(refusal({ ...smallTemplate(), notes: [{ steps: ['ghost'], text }] })).toMatchObject({
      field: 'notes.0.steps',
    });
    expect(
      refusal({
        ...smallTemplate(),
        checklist: [{ id: 'x', text, when: { step: 'has_cert', equals: true }, extra: 1 }],
      }).field,
    ).toMatch(/^checklist/);
    expect(
      refusal({
        ...smallTemplate(),
        priority: {
          when: { step: 'has_cert', equals: true },
          reason: text,
          reasons: [{ when: { step: 'gone', equals: 1 }, text }],
        },
      }),
    ).toMatchObject({ field: 'priority.reasons.0.when' });
  });

  it('refuses a print layout row for a missing step, naming it', () => {
    const raw = smallTemplate();
    raw.print.sections[0]!.rows.push({ step: 'ghost' });
    expect(refusal(raw)).toMatchObject({ stepId: 'ghost', field: 'print.sections.0.rows' });
  });

  it('refuses consistency references to steps of the wrong type', () => {
    const raw = smallTemplate();
    raw.sections[0]!.steps.push({
      id: 'id_no',
      field: { type: 'resident_id', birthDateStep: 'name' },
      required: true,
      label: { 'zh-CN': 'x', en: 'x' },
      prompt: { 'zh-CN': 'x', en: 'x' },
    });
    expect(refusal(raw)).toMatchObject({ stepId: 'id_no', field: 'field.birthDateStep' });
  });

  it('refuses duplicate step ids, bad versions and custom regular expressions', () => {
    const dup = smallTemplate();
    dup.sections[0]!.steps[1]!.id = 'name';
    expect(refusal(dup)).toMatchObject({ stepId: 'name', field: 'id' });
    expect(refusal({ ...smallTemplate(), version: 'latest' })).toMatchObject({
      stepId: null,
      field: 'version',
    });
    const regex = smallTemplate();
    (regex.sections[0]!.steps[0]!.field as Record<string, unknown>).pattern = '(a+)+$';
    expect(refusal(regex)).toMatchObject({ stepId: 'name', field: 'field.pattern' });
  });

  it('refuses a priority rule on a missing step', () => {
    const raw = smallTemplate();
    raw.priority = { when: { step: 'nope', equals: true }, reason: { 'zh-CN': 'x', en: 'x' } };
    expect(refusal(raw)).toMatchObject({ stepId: null, field: 'priority.when' });
  });
});

describe('bundled templates', () => {
  const dir = path.resolve(import.meta.dirname, '../../../assets/templates');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is valid and named id@version', (file) => {
    const result = parseTemplate(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!result.ok) throw new Error(formatTemplateProblem(result.error));
    expect(file).toBe(`${result.value.id}@${result.value.version}.json`);
  });

  it('cover the forms the policy needs (plus the video callback request) and every field type', () => {
    // one entry per form: the latest version of each (older versions stay for old drafts)
    const ok = bundledRegistry().latest();
    expect(ok.map((t) => t.category).sort()).toEqual([
      'consultation',
      'consultation',
      'feedback',
      'home_visit',
      'legal_aid',
      'mediation',
      'notarization',
    ]);
    const used = new Set(ok.flatMap((t) => allSteps(t).map((s) => s.field.type)));
    expect([...FIELD_TYPES].filter((type) => !used.has(type))).toEqual([]);
  });
});
