import type { AnswerValue } from '../../../common/forms/answers';
import { isPersonalField } from '../../../common/forms/personal_fields';
import type { FieldOption, Step } from '../../../common/forms/template_schema';
import type { Language } from '../../../common/languages';
import { answerText } from '../../../common/print/answer_text';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How an answer reads on the review screen: "not answered", else the shared wording (`answerText`). */
export function reviewAnswer(
  step: Step,
  value: AnswerValue | undefined,
  language: Language,
  t: Translate,
  sourceOptions: readonly FieldOption[] = [],
): string {
  if (value === undefined || value === '') return t('review.not_answered');
  return answerText(step, value, language, reviewWords(t), sourceOptions);
}

function reviewWords(t: Translate) {
  return {
    yes: t('values.yes', { ns: 'forms' }),
    no: t('values.no', { ns: 'forms' }),
    none: t('values.none', { ns: 'forms' }),
    signed: t('review.signed'),
  };
}

/** What the review reads aloud: personal numbers only as "filled in" (never their digits). */
export function spokenReviewAnswer(
  step: Step,
  value: AnswerValue | undefined,
  language: Language,
  t: Translate,
  sourceOptions: readonly FieldOption[] = [],
): string {
  if (isPersonalField(step.field) && typeof value === 'string' && value) {
    return t('review.private_filled', { count: value.length });
  }
  return reviewAnswer(step, value, language, t, sourceOptions);
}
