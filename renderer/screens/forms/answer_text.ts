import type { AnswerValue } from '../../../common/forms/answers';
import { isPersonalField } from '../../../common/forms/personal_fields';
import type { FieldOption, Step } from '../../../common/forms/template_schema';
import type { Language } from '../../../common/languages';
import { localString } from '../../i18n/local_text';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How an answer reads on the review screen: option labels for choices, yes/no words, dates as written. */
export function answerText(
  step: Step,
  value: AnswerValue | undefined,
  language: Language,
  t: Translate,
  extraOptions: readonly FieldOption[] = [],
): string {
  if (value === undefined || value === '') return t('review.not_answered');
  const field = step.field;
  const label = (v: string) => {
    const options = field.type === 'single_choice' || field.type === 'multi_choice' ? field.options : [];
    const option = [...options, ...extraOptions].find((o) => o.value === v);
    return option ? localString(option.label, language) : v;
  };
  switch (field.type) {
    case 'yes_no':
      return t(value ? 'values.yes' : 'values.no', { ns: 'forms' });
    case 'single_choice':
      return label(String(value));
    case 'multi_choice':
      return Array.isArray(value) && value.length > 0
        ? value.map(label).join('、')
        : t('values.none', { ns: 'forms' });
    case 'signature':
      return t('review.signed');
    case 'number':
      return field.unit ? `${value} ${localString(field.unit, language)}` : String(value);
    default:
      return String(value);
  }
}

/** What the review reads aloud: personal numbers only as "filled in" (spoken when the visitor asks). */
export function spokenAnswer(
  step: Step,
  value: AnswerValue | undefined,
  language: Language,
  t: Translate,
  extraOptions: readonly FieldOption[] = [],
): string {
  if (isPersonalField(step) && typeof value === 'string' && value) {
    return t('review.private_filled', { count: value.length });
  }
  return answerText(step, value, language, t, extraOptions);
}
