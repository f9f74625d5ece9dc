import type { Language } from '../../common/languages';
import { spellDigits } from '../../common/speech/spell_digits';
import type { Utterance } from '../a11y/speaker';

export interface SpokenField {
  value: string;
  /** A masked field (password-like, or shown as ●●●) is never spoken, whatever is asked. */
  masked?: boolean;
  /** Personal data (ID number, phone): spoken only when the visitor asks, one character at a time. */
  personal?: boolean;
}

/**
 * What to say for a typed value (ACCESSIBILITY.md row 17). Masked: nothing. Personal: nothing unless
 * the visitor asked (`visitorAsked`), then digit by digit. Anything else: the value as typed.
 */
export function fieldValueUtterances(
  field: SpokenField,
  language: Language,
  visitorAsked: boolean,
): Utterance[] {
  if (field.masked || field.value === '') return [];
  if (field.personal) {
    if (!visitorAsked) return [];
    const spelled = spellDigits(field.value, language);
    return spelled.text ? [{ text: spelled.text, language: spelled.language, kind: 'dynamic' }] : [];
  }
  return [{ text: field.value, language, kind: 'dynamic' }];
}

export { spellDigits };
