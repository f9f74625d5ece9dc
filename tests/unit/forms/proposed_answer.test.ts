import { describe, expect, it } from 'vitest';
import { proposedAnswer } from '../../../common/forms/proposed_answer';
import { allSteps, type Step } from '../../../common/forms/template_schema';
import { latestTemplate } from './bundled_templates';

const NOW = new Date('2026-11-28T04:00:00Z');
const legalAid = latestTemplate('legal_aid_application');
const step = (id: string): Step => allSteps(legalAid).find((s) => s.id === id)!;
const KNOWN = {
  resident_id: '150203199003070025',
  disability_category: 'category_4',
  disability_level: 'level_2',
};

describe('answers proposed from earlier ones', () => {
  it('the disability certificate number: the ID number, then the category and level digits', () => {
    expect(proposedAnswer(step('disability_cert_no'), KNOWN, NOW)).toBe('15020319900307002542');
    // a lower-case x in the ID number is the certificate's upper-case X
    const withX = { ...KNOWN, resident_id: '11010519491231002x' };
    expect(proposedAnswer(step('disability_cert_no'), withX, NOW)).toBe('11010519491231002X42');
  });

  it('nothing when one of the three is missing or would make an invalid number', () => {
    for (const missing of Object.keys(KNOWN)) {
      const answers: Record<string, string> = { ...KNOWN };
      delete answers[missing];
      expect(proposedAnswer(step('disability_cert_no'), answers, NOW)).toBeNull();
    }
    expect(
      proposedAnswer(step('disability_cert_no'), { ...KNOWN, resident_id: '150203199003070026' }, NOW),
    ).toBeNull();
  });

  it('nothing for any other kind of question', () => {
    for (const id of ['full_name', 'resident_id', 'phone', 'disability_level'])
      expect(proposedAnswer(step(id), KNOWN, NOW)).toBeNull();
  });
});
