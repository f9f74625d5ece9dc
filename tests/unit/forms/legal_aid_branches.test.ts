import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue } from '../../../common/forms/answers';
import {
  computePriority,
  papersToBring,
  priorityReasons,
  validateAllAnswers,
  visibleAnswers,
  visibleSteps,
} from '../../../common/forms/form_logic';
import { isPersonalField } from '../../../common/forms/personal_fields';
import { allSteps, type Step } from '../../../common/forms/template_schema';
import { validateAnswer } from '../../../common/forms/validate_answer';
import { bundledRegistry, latestTemplate } from './bundled_templates';

/** Legal-aid application 1.3.0 (issue 22): who applies, art. 32, the capacity matter, urgency, papers. */
const template = latestTemplate('legal_aid_application');
const NOW = new Date('2026-12-07T02:00:00Z');

/** A fictitious ID number with a valid GB 11643 check character. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** A complete application of someone applying for themself, without a disability certificate. */
const BASE: Record<string, AnswerValue> = {
  filer_role: 'self',
  full_name: '张示例',
  sex: 'female',
  birth_date: '1990-03-07',
  resident_id: withCheckDigit('15020319900307002'),
  address: '包头市昆都仑区示例路1号',
  phone: '13800000000',
  has_disability_cert: false,
  aid_type: 'consultation',
  matter_cause: 'labour_pay',
  case_stage: 'not_started',
  urgent_deadline: false,
  matter_description: '公司拖欠我三个月工资，共九千元，多次索要未果。',
  art32_group: 'none',
  art42_group: ['none'],
  household_size: 3,
  household_income: 1500,
  hardship_statement: '一家三口只靠我打零工。',
  honesty_commitment: 'agree',
  accommodations: ['none'],
  preferred_lawyer: 'no_preference',
};
const AGENT = {
  filer_name: '王代理',
  filer_resident_id: withCheckDigit('15020219800101001'),
  filer_phone: '13912345678',
  filer_relation: 'other_relative',
};

const shown = (answers: Answers) => visibleSteps(template, answers).map((step) => step.id);
const papers = (answers: Answers) => papersToBring(template, answers).map((item) => item.id);
const problems = (answers: Answers) =>
  validateAllAnswers(template, answers, NOW, () => []).map((problem) => problem.stepId);
const step = (id: string): Step => allSteps(template).find((s) => s.id === id)!;
const check = (id: string, value: AnswerValue, answers: Answers = BASE) =>
  validateAnswer(step(id), value, { answers, now: NOW, sourceOptions: [] });

describe('legal_aid_application@1.3.0: new drafts get it, old versions stay', () => {
  it('is the latest version; 1.0.0, 1.1.0 and 1.2.0 stay loadable for old drafts', () => {
    expect(template.version).toBe('1.3.0');
    const registry = bundledRegistry();
    expect(registry.problems).toEqual([]);
    for (const version of ['1.0.0', '1.1.0', '1.2.0'])
      expect(registry.get('legal_aid_application', version)?.version).toBe(version);
    // 1.2.0 is unchanged: no filing question, hardship asked after art. 42 only
    const old = registry.get('legal_aid_application', '1.2.0')!;
    expect(allSteps(old).some((s) => s.id === 'filer_role')).toBe(false);
    expect(old.checklist).toBeUndefined();
  });

  it('a complete self application has no problems and asks nothing about an agent', () => {
    expect(problems(BASE)).toEqual([]);
    expect(shown(BASE)[0]).toBe('filer_role');
    for (const id of ['filer_name', 'filer_resident_id', 'filer_phone', 'filer_relation', 'guardian_proof'])
      expect(shown(BASE)).not.toContain(id);
    expect(papers(BASE)).toEqual(['applicant_id', 'case_papers']);
    expect(computePriority(template, BASE)).toBe(false);
  });
});

describe('applying for oneself or for another', () => {
  it('agent: name, ID number, phone and relation are asked and required; agent papers listed', () => {
    const answers = { ...BASE, filer_role: 'agent' };
    const visible = shown(answers);
    for (const id of ['filer_name', 'filer_resident_id', 'filer_phone', 'filer_relation'])
      expect(visible).toContain(id);
    expect(visible).not.toContain('guardian_proof');
    expect(problems(answers)).toEqual(['filer_name', 'filer_resident_id', 'filer_phone', 'filer_relation']);
    const filled = { ...answers, ...AGENT };
    expect(problems(filled)).toEqual([]);
    expect(papers(filled)).toEqual(['applicant_id', 'agent_authorization', 'agent_id', 'case_papers']);
    const texts = papersToBring(template, filled).map((item) => item.text['zh-CN']);
    expect(texts.join('|')).toContain('授权委托书');
    expect(texts.join('|')).toContain('代理人的居民身份证');
  });

  it("the agent's ID number and phone are personal fields, validated like the applicant's", () => {
    expect(isPersonalField(step('filer_resident_id').field)).toBe(true);
    expect(isPersonalField(step('filer_phone').field)).toBe(true);
    expect(step('filer_resident_id').field.type).toBe(step('resident_id').field.type);
    expect(step('filer_name').field).toEqual(step('full_name').field);
    expect(check('filer_resident_id', AGENT.filer_resident_id).ok).toBe(true);
    const wrongCheck = `${AGENT.filer_resident_id.slice(0, 17)}${AGENT.filer_resident_id.endsWith('1') ? '2' : '1'}`;
    expect(check('filer_resident_id', wrongCheck).ok).toBe(false);
    // the agent's own card can fill the agent's name and number (a second holder on the form)
    expect(step('filer_name').idCard).toEqual({ holder: 'filer', field: 'name' });
    expect(step('filer_resident_id').idCard).toEqual({ holder: 'filer', field: 'id_number' });
  });

  it.each([
    ['household_register', 'guardian_household_register'],
    ['court_designation', 'guardian_court_document'],
    ['organisation_certificate', 'guardian_organisation_certificate'],
  ])('guardian with %s: proof of guardianship and the guardian ID listed', (proof, paper) => {
    const answers = { ...BASE, filer_role: 'guardian', ...AGENT, filer_relation: 'parent' };
    expect(shown(answers)).toContain('guardian_proof');
    expect(problems(answers)).toEqual(['guardian_proof']);
    const filled = { ...answers, guardian_proof: proof };
    expect(problems(filled)).toEqual([]);
    expect(papers(filled)).toEqual(['applicant_id', paper, 'guardian_id', 'case_papers']);
    expect(papers(filled)).not.toContain('agent_authorization');
  });

  it('going back to "self" drops the agent answers from what is kept', () => {
    const back = { ...BASE, ...AGENT, filer_role: 'self' };
    expect(Object.keys(visibleAnswers(template, back))).not.toContain('filer_name');
    expect(papers(back)).not.toContain('agent_id');
  });
});

describe('Legal Aid Law art. 32: no means test', () => {
  it.each([
    ['hero_martyr_kin', 'art32_hero_martyr'],
    ['good_samaritan', 'art32_good_samaritan'],
    ['retrial_acquittal', 'art32_retrial'],
    ['abuse_violence', 'art32_abuse'],
    ['other_rule', 'art32_other'],
  ])('%s skips the hardship questions, says so, and lists its proof', (group, paper) => {
    const answers = { ...BASE, art32_group: group, art32_notice: 'understood' };
    const visible = shown(answers);
    expect(visible).toContain('art32_notice');
    for (const id of [
      'art42_group',
      'household_size',
      'household_income',
      'hardship_statement',
      'honesty_commitment',
    ])
      expect(visible).not.toContain(id);
    expect(problems(answers)).toEqual([]);
    expect(papers(answers)).toContain(paper);
    expect(step('art32_notice').prompt['zh-CN']).toMatch(/第三十二条.*不受经济困难条件的限制.*跳过/);
  });

  it('the five groups are in the words of art. 32; "none" keeps the hardship questions', () => {
    const field = step('art32_group').field;
    if (field.type !== 'single_choice') throw new Error('art32_group');
    expect(field.options.map((o) => o.label['zh-CN'])).toEqual([
      '英雄烈士近亲属为维护英雄烈士的人格权益',
      '因见义勇为行为主张相关民事权益',
      '再审改判无罪请求国家赔偿',
      '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
      '法律、法规、规章规定的其他情形',
      '以上都不是',
    ]);
    expect(shown(BASE)).toEqual(
      expect.arrayContaining(['art42_group', 'household_size', 'honesty_commitment']),
    );
    expect(shown(BASE)).not.toContain('art32_notice');
  });

  it('a means-tested applicant still answers the hardship questions (required)', () => {
    const { household_size: _size, ...without } = BASE;
    expect(problems(without)).toEqual(['household_size']);
  });
});

describe('art. 42 through the minimum living allowance (低保)', () => {
  it('lists the 低保 proof and skips the hardship questions', () => {
    const answers = { ...BASE, art42_group: ['minimum_allowance'] };
    expect(papers(answers)).toContain('minimum_allowance');
    expect(
      papersToBring(template, answers)
        .map((p) => p.text['zh-CN'])
        .join('|'),
    ).toContain('低保');
    expect(shown(answers)).not.toContain('household_size');
    expect(papers(BASE)).not.toContain('minimum_allowance');
  });
});

describe('the capacity matter (art. 31 item 6)', () => {
  it('is a matter type; it asks whose capacity and lists the medical papers', () => {
    const field = step('matter_cause').field;
    if (field.type !== 'single_choice') throw new Error('matter_cause');
    expect(field.options.find((o) => o.value === 'legal_capacity')?.label['zh-CN']).toBe(
      '请求认定公民无民事行为能力或者限制民事行为能力',
    );
    const answers = { ...BASE, matter_cause: 'legal_capacity' };
    expect(problems(answers)).toEqual(['capacity_person_name', 'capacity_person_relation']);
    const filled = { ...answers, capacity_person_name: '张某', capacity_person_relation: 'parent' };
    expect(problems(filled)).toEqual([]);
    expect(papers(filled)).toContain('capacity_evidence');
    expect(papers(BASE)).not.toContain('capacity_evidence');
  });
});

describe('urgency: a hearing, deadline or limitation date soon', () => {
  it('yes asks the date and raises the priority, with the reason said', () => {
    const urgent = { ...BASE, urgent_deadline: true };
    expect(shown(urgent)).toContain('urgent_date');
    expect(problems(urgent)).toEqual(['urgent_date']);
    const dated = { ...urgent, urgent_date: '2026-12-10' };
    expect(problems(dated)).toEqual([]);
    expect(computePriority(template, dated)).toBe(true);
    expect(priorityReasons(template, dated).map((r) => r['zh-CN'])).toEqual(['开庭、期限或者时效临近']);
    expect(papers(dated)).toContain('urgent_date_paper');
  });

  it('no: no date, no priority (without a disability); with a certificate the disability reason alone', () => {
    expect(shown(BASE)).not.toContain('urgent_date');
    expect(computePriority(template, BASE)).toBe(false);
    expect(priorityReasons(template, BASE)).toEqual([]);
    const disabled = {
      ...BASE,
      has_disability_cert: true,
      disability_category: 'category_4',
      disability_level: 'level_2',
    };
    expect(computePriority(template, disabled)).toBe(true);
    expect(priorityReasons(template, disabled).map((r) => r['zh-CN'])).toEqual(['残疾人申请']);
  });

  it('a date in the past or not a real date is refused with a message saying how to fix it', () => {
    const past = check('urgent_date', '2026-12-01');
    expect(past.ok).toBe(false);
    const impossible = check('urgent_date', '2027-02-30');
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(impossible.error.key).toMatch(/date/);
  });
});

describe('hostile input on the new fields', () => {
  it.each([
    ['filer_name', '<script>alert(1)</script>'],
    ['filer_name', '王\u202e代理'],
    ['filer_name', 'x'.repeat(51)],
    ['filer_resident_id', "1' OR '1'='1"],
    ['filer_phone', '$(reboot)'],
    ['capacity_person_name', '张\u0000某'],
    ['urgent_date', '../../etc/passwd'],
    ['filer_role', 'admin'],
    ['art32_group', '__proto__'],
  ])('%s refuses %j with an error key', (id, value) => {
    const result = check(id, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toMatch(/^[a-z_.]+$/);
  });
});

describe('template notes: which article each branch serves', () => {
  it.each([
    ['filer_role', '第四十条'],
    ['guardian_proof', '第二十三条'],
    ['capacity_person_name', '第三十一条第（六）项'],
    ['urgent_deadline', '第四十四条'],
    ['art32_group', '第三十二条'],
    ['art42_group', '第四十二条'],
    ['honesty_commitment', '第四十一条'],
  ])('%s → %s', (id, article) => {
    const notes = (template.notes ?? []).filter((note) => note.steps.includes(id));
    expect(notes.map((note) => note.text['zh-CN']).join('|')).toContain(article);
  });
});
