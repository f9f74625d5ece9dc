import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../common/forms/parse_template';
import { startersFor } from '../../../common/forms/starters';
import { allSteps, type Step } from '../../../common/forms/template_schema';
import { latestTemplate } from './bundled_templates';

const legalAid = latestTemplate('legal_aid_application');
const description = (): Step => allSteps(legalAid).find((s) => s.id === 'matter_description')!;

describe('common wording for the legal-aid description', () => {
  it('follows the matter chosen: unpaid wages offer a wages sentence, "other" offers none', () => {
    const wages = startersFor(description(), { matter_cause: 'labour_pay' });
    expect(wages.map((text) => text['zh-CN'])).toEqual(['单位拖欠我的工资，我想要回被拖欠的工资。']);
    expect(startersFor(description(), { matter_cause: 'other' })).toEqual([]);
  });

  it("every offered sentence meets the step's minimum length, in every language it has", () => {
    const field = description().field;
    if (field.type !== 'long_text') throw new Error('not long text');
    for (const starter of field.starters ?? [])
      for (const text of Object.values(starter.text))
        expect(text.length, text).toBeGreaterThanOrEqual(field.minLength ?? 0);
  });

  it('none for other kinds of question', () => {
    const name = allSteps(legalAid).find((s) => s.id === 'full_name')!;
    expect(startersFor(name, { matter_cause: 'labour_pay' })).toEqual([]);
  });

  it('a template whose wording refers to a later or unknown step is refused, naming the field', () => {
    const broken = structuredClone(legalAid) as unknown as {
      sections: { steps: { id: string; field: { starters?: { when: unknown }[] } }[] }[];
    };
    for (const section of broken.sections)
      for (const step of section.steps)
        if (step.id === 'matter_description')
          step.field.starters![0]!.when = { step: 'signature', equals: 'x' };
    const parsed = parseTemplate(broken);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('field.starters.0.when');
  });
});
