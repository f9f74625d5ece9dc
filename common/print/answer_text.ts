import { pickText } from '../content/pick_text';
import type { AnswerValue } from '../forms/answers';
import type { FieldOption, Step } from '../forms/template_schema';
import type { Language } from '../languages';

export interface ValueWords {
  yes: string;
  no: string;
  /** A multiple choice with nothing chosen (print and the staff view leave it blank). */
  none?: string;
  /** A signature (print draws it instead of words). */
  signed?: string;
}

/**
 * An answer as words, the one wording for print, the staff view, the desk and the review screen: option
 * labels, yes/no, number with unit, text as typed; several choices joined as the language lists them.
 */
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
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [];
      if (chosen.length === 0) return words.none ?? '';
      return chosen.map((v) => label(field.options, v)).join(language === 'en' ? ', ' : '、');
    }
    case 'yes_no':
      return value === true ? words.yes : words.no;
    case 'number':
      return field.unit ? `${value} ${pickText(field.unit, language).text}` : String(value);
    case 'signature':
      return words.signed ?? '';
    default:
      return String(value);
  }
}
