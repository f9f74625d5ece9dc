import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../../common/forms/conditions';
import {
  computePriority,
  validateAllAnswers,
  visibleAnswers,
  visibleSteps,
} from '../../../common/forms/form_logic';
import { parseTemplate } from '../../../common/forms/parse_template';
import type { Template } from '../../../common/forms/template_schema';
import { smallTemplate } from './template_fixture';

function template(): Template {
  const result = parseTemplate(smallTemplate());
  if (!result.ok) throw new Error('fixture');
  return result.value;
}

describe('conditions', () => {
  const answers = { a: 'x', n: 3, yes: true, many: ['p', 'q'], empty: '' };
  it.each([
    [{ step: 'a', equals: 'x' }, true],
    [{ step: 'a', equals: 'y' }, false],
    [{ step: 'a', notEquals: 'y' }, true],
    [{ step: 'missing', notEquals: 'y' }, false],
    [{ step: 'n', in: [1, 3] }, true],
    [{ step: 'n', in: ['3'] }, false],
    [{ step: 'yes', equals: true }, true],
    [{ step: 'many', includes: 'q' }, true],
    [{ step: 'many', includes: 'z' }, false],
    [{ step: 'a', includes: 'x' }, false],
    [{ step: 'empty', answered: false }, true],
    [{ step: 'missing', answered: false }, true],
    [{ step: 'a', answered: true }, true],
    [
      {
        all: [
          { step: 'a', equals: 'x' },
          { step: 'yes', equals: true },
        ],
      },
      true,
    ],
    [
      {
        all: [
          { step: 'a', equals: 'x' },
          { step: 'yes', equals: false },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { step: 'a', equals: 'z' },
          { step: 'n', equals: 3 },
        ],
      },
      true,
    ],
    [{ not: { step: 'a', equals: 'x' } }, false],
  ] as const)('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition as never, answers)).toBe(expected);
  });

  it('does not read inherited properties as answers', () => {
    expect(evaluateCondition({ step: 'constructor', answered: true }, {})).toBe(false);
  });
});

describe('visible steps', () => {
  it('shows a step only when its condition holds, and hides its dependants with it', () => {
    const t = template();
    expect(visibleSteps(t, {}).map((s) => s.id)).toEqual(['name', 'has_cert']);
    const severe = { name: 'A', has_cert: true, level: 'level_1', severe_note: 'n' };
    expect(visibleSteps(t, severe).map((s) => s.id)).toEqual(['name', 'has_cert', 'level', 'severe_note']);
    // Saying "no certificate" hides the level and, through it, the note that depended on the level.
    const changed = { ...severe, has_cert: false };
    expect(visibleSteps(t, changed).map((s) => s.id)).toEqual(['name', 'has_cert']);
    expect(visibleAnswers(t, changed)).toEqual({ name: 'A', has_cert: false });
  });

  it('computes priority from the answers', () => {
    const t = template();
    expect(computePriority(t, { has_cert: true })).toBe(true);
    expect(computePriority(t, { has_cert: false })).toBe(false);
  });

  it('names every visible required step that is missing or invalid', () => {
    const t = template();
    const now = new Date('2026-11-28T04:00:00Z');
    expect(validateAllAnswers(t, { has_cert: true }, now, () => [])).toEqual([
      { stepId: 'name', error: { key: 'errors.required', params: {} } },
      { stepId: 'level', error: { key: 'errors.required', params: {} } },
    ]);
    expect(validateAllAnswers(t, { name: 'A', has_cert: true, level: 'level_9' }, now, () => [])).toEqual([
      { stepId: 'level', error: { key: 'errors.choice.unknown', params: {} } },
    ]);
    expect(validateAllAnswers(t, { name: 'A', has_cert: false, level: 'level_9' }, now, () => [])).toEqual(
      [],
    );
  });
});
