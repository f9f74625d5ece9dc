import { describe, expect, it } from 'vitest';
import { cardHolderStartingAt, cardSteps } from '../../../common/forms/id_card_steps';
import { parseTemplate } from '../../../common/forms/parse_template';
import type { LocalizedText, Template, TemplateInput } from '../../../common/forms/template_schema';
import { bundledRegistry, latestTemplate } from './bundled_templates';

/** The forms that ask for the applicant's identity: each has a card-filled version. */
const IDENTITY_FORMS = {
  legal_aid_application: ['full_name', 'sex', 'birth_date', 'ethnicity', 'resident_id', 'address'],
  notarization_request: ['full_name', 'sex', 'birth_date', 'resident_id', 'address'],
  home_visit_booking: ['full_name'],
  legal_consultation_request: ['full_name'],
};

function texts(node: unknown): LocalizedText[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node === null || typeof node !== 'object') return [];
  if ('zh-CN' in node && 'en' in node) return [node as LocalizedText];
  return Object.values(node).flatMap(texts);
}

function withStep(step: Record<string, unknown>): TemplateInput {
  const base = latestTemplate('legal_aid_application');
  return {
    ...base,
    sections: [{ id: 'one', title: base.sections[0]!.title, steps: [step as never] }],
    print: {
      ...base.print,
      sections: [{ title: base.sections[0]!.title, rows: [{ step: 'x', width: 'full' }] }],
    },
    priority: undefined,
    checklist: undefined,
    notes: undefined,
  } as TemplateInput;
}

const label = { 'zh-CN': '项', en: 'Item' };

describe('the idCard annotation of template steps', () => {
  it('fits only a field the card value can fill', () => {
    const refused = [
      { id: 'x', field: { type: 'text' }, idCard: { holder: 'applicant', field: 'id_number' } },
      { id: 'x', field: { type: 'phone' }, idCard: { holder: 'applicant', field: 'name' } },
      {
        id: 'x',
        field: { type: 'single_choice', options: [{ value: 'm', label }] },
        idCard: { holder: 'applicant', field: 'sex' },
      },
      { id: 'x', field: { type: 'text' }, idCard: { holder: 'applicant', field: 'photo' } },
      { id: 'x', field: { type: 'text' }, idCard: { holder: 'Applicant!', field: 'name' } },
    ];
    for (const step of refused) {
      const parsed = parseTemplate(withStep({ required: true, label, prompt: label, ...step }));
      expect(parsed.ok, JSON.stringify(step.idCard)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatchObject({ stepId: 'x' });
    }
    const fine = parseTemplate(
      withStep({
        id: 'x',
        field: { type: 'text' },
        required: true,
        label,
        prompt: label,
        idCard: { holder: 'agent', field: 'name' },
      }),
    );
    expect(fine.ok).toBe(true);
  });

  it('one card field fills at most one step per holder', () => {
    const template = latestTemplate('legal_aid_application') as Template;
    const twice = structuredClone(template) as TemplateInput;
    const steps = twice.sections.find((s) => s.steps.some((step) => step.id === 'ethnicity'))!.steps;
    steps.find((s) => s.id === 'ethnicity')!.idCard = { holder: 'applicant', field: 'name' };
    const parsed = parseTemplate(twice);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ stepId: 'ethnicity', field: 'idCard' });
  });
});

describe('bundled forms, version 1.2.0 and later', () => {
  it.each(Object.entries(IDENTITY_FORMS))(
    '%s: the latest version (1.2.0; legal aid 1.3.0) has card steps and its card fills %j',
    (id, steps) => {
      const template = latestTemplate(id);
      expect(template.version).toBe(id === 'legal_aid_application' ? '1.3.0' : '1.2.0');
      expect(cardSteps(template, 'applicant').map((step) => step.id)).toEqual(steps);
      expect(cardHolderStartingAt(template, 'full_name')).toBe('applicant');
      expect(cardHolderStartingAt(template, steps.at(-1)!)).toBe(steps.length === 1 ? 'applicant' : null);
      expect(template.unreviewed).toContain('mn-Mong-CN');
    },
  );

  it('the mediation request (new at 1.0.0) takes name, ID number and address from the card, together', () => {
    const template = latestTemplate('mediation_request');
    expect(cardSteps(template, 'applicant').map((step) => step.id)).toEqual([
      'full_name',
      'resident_id',
      'address',
    ]);
    expect(cardHolderStartingAt(template, 'full_name')).toBe('applicant');
    expect(template.unreviewed).toContain('mn-Mong-CN');
  });

  it('older versions stay as released (no card steps): their drafts keep their version', () => {
    const registry = bundledRegistry();
    for (const id of Object.keys(IDENTITY_FORMS)) {
      for (const version of ['1.0.0', '1.1.0']) {
        expect(cardSteps(registry.get(id, version)!, 'applicant'), `${id}@${version}`).toEqual([]);
      }
    }
  });

  it('no text of the latest version of any form promises voice input (issue 20: honest prompts)', () => {
    const registry = bundledRegistry();
    const promises = /说出|语音键盘|语音输入|\bsay\b|\bspeak\b|ᠬᠡᠯᠡᠬᠦ ᠪᠤᠶᠤ ᠣᠷᠣᠭᠤᠯ/i;
    for (const template of registry.latest()) {
      for (const text of texts(template)) {
        for (const value of Object.values(text))
          expect(value, `${template.id}@${template.version}`).not.toMatch(promises);
      }
    }
  });
});
