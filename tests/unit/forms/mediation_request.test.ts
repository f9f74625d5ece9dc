import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../common/forms/answers';
import {
  computePriority,
  validateAllAnswers,
  visibleAnswers,
  visibleSteps,
} from '../../../common/forms/form_logic';
import { parseTemplate } from '../../../common/forms/parse_template';
import { isPersonalField } from '../../../common/forms/personal_fields';
import { allSteps, type Step, type TemplateInput } from '../../../common/forms/template_schema';
import { validateAnswer } from '../../../common/forms/validate_answer';
import { flowOfTemplate } from '../../../common/status/review_states';
import { latestTemplate } from './bundled_templates';

const template = latestTemplate('mediation_request');
const NOW = new Date('2026-12-07T02:00:00Z');
const step = (id: string): Step => allSteps(template).find((s) => s.id === id)!;
const check = (id: string, value: Answers[string], answers: Answers = {}) =>
  validateAnswer(step(id), value, { answers, now: NOW });
const visible = (answers: Answers) => visibleSteps(template, answers).map((s) => s.id);
const problems = (answers: Answers) => validateAllAnswers(template, answers, NOW, () => []);

/** A complete request: mediation here at the station, nothing tried yet, no accommodation. */
const COMPLETE: Answers = {
  full_name: '王芳',
  resident_id: '150203199003070025',
  address: '包头市昆都仑区钢铁大街1号2单元301室',
  phone: '13912345678',
  has_disability_cert: false,
  other_party_name: '楼上502的住户',
  relation: 'neighbour',
  dispute_type: 'neighbourhood',
  dispute_description: '楼上卫生间漏水三个月，我家天花板发霉，对方不肯维修。',
  involves_money: false,
  tried_before: ['talked_directly'],
  mediation_place: 'this_station',
  preferred_date: '2026-12-10',
  preferred_time: 'morning',
  accommodations: ['none'],
  voluntary: 'agree',
};

function messages(lang: string): Record<string, unknown> {
  const file = path.resolve(import.meta.dirname, `../../../assets/locales/${lang}/forms.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('mediation_request@1.0.0: the people\u2019s mediation application', () => {
  it('is the mediation form, reviewed like a consultation, and a complete request passes', () => {
    expect(template.version).toBe('1.0.0');
    expect(template.category).toBe('mediation');
    expect(flowOfTemplate(template.id)).toBe('consultation');
    expect(problems(COMPLETE)).toEqual([]);
  });

  it('says on the start page and the printout that mediation is free, voluntary and not for court cases', () => {
    expect(template.description['zh-CN']).toMatch(/免费/);
    expect(template.description['zh-CN']).toMatch(/自愿/);
    expect(template.description['zh-CN']).toMatch(/法院受理或判决/);
    expect(template.description.en).toMatch(/free and voluntary/);
    expect(template.print.footer?.['zh-CN']).toMatch(/不收取任何费用（《人民调解法》第四条）/);
    expect(template.print.footer?.['zh-CN']).toMatch(
      /人民法院已经受理或者已经判决的纠纷，人民调解委员会不予受理/,
    );
    expect(step('voluntary').prompt['zh-CN']).toMatch(/不收费.*自愿/);
    const receipt = template.receipt.nextSteps['zh-CN'];
    for (const paper of ['身份证', '合同', '欠条', '残疾人证', '委托书']) expect(receipt).toContain(paper);
  });

  it('the applicant\u2019s ID number and phone, and the other party\u2019s phone, are personal (masked, never spoken unasked)', () => {
    const personal = allSteps(template)
      .filter((s) => isPersonalField(s.field))
      .map((s) => s.id);
    expect(personal).toEqual(['resident_id', 'phone', 'other_party_phone']);
  });

  describe('a court case: refused with what the law says and where to go instead', () => {
    it('"a court has accepted or decided it" is refused on the step, alone or with other answers', () => {
      expect(check('tried_before', ['court_case'])).toEqual({
        ok: false,
        error: { key: 'errors.refused.court_case', params: {} },
      });
      expect(check('tried_before', ['talked_directly', 'court_case'])).toMatchObject({
        ok: false,
        error: { key: 'errors.refused.court_case' },
      });
      expect(check('tried_before', ['talked_directly', 'committee'])).toEqual({
        ok: true,
        value: ['talked_directly', 'committee'],
      });
    });

    it('is refused again at submit (a draft cannot carry it past the step)', () => {
      expect(problems({ ...COMPLETE, tried_before: ['court_case'] })).toEqual([
        { stepId: 'tried_before', error: { key: 'errors.refused.court_case', params: {} } },
      ]);
    });

    it('the message says why and what to do, in every language', () => {
      const zh = (messages('zh-CN').errors as Record<string, Record<string, string>>).refused!.court_case!;
      expect(zh).toMatch(/人民法院已经受理或者已经判决的纠纷，人民调解委员会不能受理/);
      expect(zh).toMatch(/向受理案件的法院申请调解/);
      const en = (messages('en').errors as Record<string, Record<string, string>>).refused!.court_case!;
      expect(en).toMatch(/cannot be taken by a people\u2019s mediation committee/);
      const mn = (messages('mn-Mong-CN').errors as Record<string, Record<string, string>>).refused!
        .court_case!;
      expect(mn).toMatch(/[\u1820-\u1842]/u);
    });

    it('a court case not yet accepted is fine: the help says mediation can come first', () => {
      expect(step('tried_before').help?.['zh-CN']).toMatch(
        /打算起诉、但法院还没有受理的，可以先申请人民调解/,
      );
      expect(check('tried_before', ['nothing'])).toEqual({ ok: true, value: ['nothing'] });
      expect(check('tried_before', ['nothing', 'talked_directly'])).toMatchObject({
        ok: false,
        error: { key: 'errors.choice.exclusive' },
      });
    });
  });

  describe('the other party', () => {
    it('phone and address are optional: skipped, the request still passes', () => {
      expect(step('other_party_phone').required).toBe(false);
      expect(step('other_party_address').required).toBe(false);
      expect(check('other_party_phone', '')).toEqual({ ok: true, value: null });
      expect(problems(COMPLETE).map((p) => p.stepId)).not.toContain('other_party_phone');
    });

    it('a phone given is checked and normalised like the applicant\u2019s', () => {
      expect(check('other_party_phone', '0472-5123456')).toEqual({ ok: true, value: '0472-5123456' });
      expect(check('other_party_phone', '12345')).toMatchObject({ ok: false });
    });

    it('the name is required', () => {
      const { other_party_name: _, ...without } = COMPLETE;
      expect(problems(without)).toEqual([
        { stepId: 'other_party_name', error: { key: 'errors.required', params: {} } },
      ]);
    });
  });

  describe('dispute, amount, what was tried', () => {
    it('offers the dispute types of the law\u2019s everyday cases', () => {
      const field = step('dispute_type').field;
      expect(field.type === 'single_choice' && field.options.map((o) => o.label['zh-CN'])).toEqual([
        '邻里纠纷',
        '婚姻家庭纠纷',
        '损害赔偿纠纷',
        '劳动或劳务纠纷',
        '物业纠纷',
        '合同纠纷',
        '其他纠纷',
      ]);
    });

    it('asks the amount only when money is involved; a whole number of yuan', () => {
      expect(visible(COMPLETE)).not.toContain('amount');
      const withMoney = { ...COMPLETE, involves_money: true, amount: 3000 };
      expect(visible(withMoney)).toContain('amount');
      expect(problems(withMoney)).toEqual([]);
      expect(check('amount', '-5')).toMatchObject({ ok: false, error: { key: 'errors.number.too_small' } });
      expect(check('amount', '12.5')).toMatchObject({
        ok: false,
        error: { key: 'errors.number.not_integer' },
      });
      // an amount left from an earlier "yes" is dropped when the answer becomes "no"
      expect(visibleAnswers(template, { ...withMoney, involves_money: false })).not.toHaveProperty('amount');
    });

    it('asks which other body only when one was asked', () => {
      expect(visible(COMPLETE)).not.toContain('other_body_name');
      expect(visible({ ...COMPLETE, tried_before: ['committee', 'other_body'] })).toContain(
        'other_body_name',
      );
    });
  });

  describe('time and place', () => {
    it('at this station: no address, no centre asked', () => {
      const ids = visible(COMPLETE);
      expect(ids).not.toContain('other_centre_name');
      expect(ids).not.toContain('visit_at_home_address');
      expect(ids).not.toContain('visit_address');
    });

    it('another centre: its name is required', () => {
      const answers = { ...COMPLETE, mediation_place: 'other_centre' };
      expect(problems(answers)).toEqual([
        { stepId: 'other_centre_name', error: { key: 'errors.required', params: {} } },
      ]);
      expect(problems({ ...answers, other_centre_name: '昆都仑区公共法律服务中心' })).toEqual([]);
    });

    it('home visit at the applicant\u2019s address: nothing typed twice', () => {
      const answers = { ...COMPLETE, mediation_place: 'home_visit', visit_at_home_address: true };
      expect(visible(answers)).toContain('visit_at_home_address');
      expect(visible(answers)).not.toContain('visit_address');
      expect(problems(answers)).toEqual([]);
    });

    it('home visit elsewhere: the visit address is required', () => {
      const answers = { ...COMPLETE, mediation_place: 'home_visit', visit_at_home_address: false };
      expect(visible(answers)).toContain('visit_address');
      expect(problems(answers)).toEqual([
        { stepId: 'visit_address', error: { key: 'errors.required', params: {} } },
      ]);
      expect(problems({ ...answers, visit_address: '包头市青山区幸福路8号' })).toEqual([]);
    });

    it('by video: no place asked', () => {
      const answers = { ...COMPLETE, mediation_place: 'video' };
      expect(problems(answers)).toEqual([]);
      expect(visible(answers)).not.toContain('visit_address');
    });

    it('a date in the past is refused', () => {
      expect(check('preferred_date', '2026-12-01')).toMatchObject({
        ok: false,
        error: { key: 'errors.date.in_past' },
      });
    });
  });

  describe('accommodations', () => {
    it('offers the other forms\u2019 accommodations plus Mongolian, large print, an accessible room and a companion', () => {
      const field = step('accommodations').field;
      expect(field.type === 'multi_choice' && field.options.map((o) => o.value)).toEqual([
        'sign_language',
        'mongolian',
        'large_print',
        'braille',
        'accessible_room',
        'companion',
        'psychological_support',
        'none',
      ]);
      const legalAid = allSteps(latestTemplate('legal_aid_application')).find(
        (s) => s.id === 'accommodations',
      )!;
      for (const value of ['sign_language', 'braille', 'psychological_support', 'none']) {
        const ours = field.type === 'multi_choice' ? field.options.find((o) => o.value === value) : undefined;
        const theirs =
          legalAid.field.type === 'multi_choice'
            ? legalAid.field.options.find((o) => o.value === value)
            : undefined;
        expect(ours?.label, value).toEqual(theirs?.label);
      }
    });

    it('several may be chosen, in the template\u2019s order; "none" excludes the rest; one answer is required', () => {
      expect(check('accommodations', ['companion', 'sign_language', 'mongolian'])).toEqual({
        ok: true,
        value: ['sign_language', 'mongolian', 'companion'],
      });
      expect(check('accommodations', ['none', 'large_print'])).toMatchObject({
        ok: false,
        error: { key: 'errors.choice.exclusive' },
      });
      expect(check('accommodations', [])).toMatchObject({ ok: false, error: { key: 'errors.required' } });
    });
  });

  it('priority for certificate holders only', () => {
    expect(computePriority(template, COMPLETE)).toBe(false);
    expect(computePriority(template, { ...COMPLETE, has_disability_cert: true })).toBe(true);
  });

  it('the voluntary confirmation is required', () => {
    const { voluntary: _, ...without } = COMPLETE;
    expect(problems(without)).toEqual([
      { stepId: 'voluntary', error: { key: 'errors.required', params: {} } },
    ]);
  });

  it('a template whose refusing option names an unknown reason is refused, naming the step', () => {
    const raw = structuredClone(template) as TemplateInput;
    const tried = raw.sections.flatMap((s) => s.steps).find((s) => s.id === 'tried_before')!;
    if (tried.field.type !== 'multi_choice') throw new Error('fixture');
    (tried.field.options[4] as { refuses: string }).refuses = 'anything_we_like';
    const parsed = parseTemplate(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toMatchObject({ templateId: 'mediation_request', stepId: 'tried_before' });
  });
});
