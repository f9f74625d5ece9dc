import { pickText } from '../content/pick_text';
import type { AnswerValue } from '../forms/answers';
import type { FieldOption, Step } from '../forms/template_schema';
import type { Language } from '../languages';

export interface ValueWords {
  yes: string;
  no: string;
}

/** An answer as words for print and review: option labels, yes/no, number with unit, text as typed. */
export function answerText(
  step: Step,
  value: AnswerValue,
  language: Language,
  words: ValueWords,
  sourceOptions: readonly FieldOption[] = [],
): string {
  const field = step.field;
  const label = (options: readonly FieldOption[], v: string) =>
    pickText(options.find((option) => option.value === v)?.label ?? { 'zh-CN': v, en: v }, language).text;
  switch (field.type) {
    case 'single_choice':
      return label([...field.options, ...sourceOptions], String(value));
    case 'multi_choice':
      return (Array.isArray(value) ? value : [])
        .map((v) => label(field.options, v))
        .join(language === 'en' ? ', ' : '、');
    case 'yes_no':
      return value === true ? words.yes : words.no;
    case 'number':
      return field.unit ? `${value} ${pickText(field.unit, language).text}` : String(value);
    case 'signature':
      return '';
    default:
      return String(value);
  }
}
