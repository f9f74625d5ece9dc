import type { Language } from '../languages';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const ENGLISH_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export interface SpelledText {
  text: string;
  /** Mongolian has no voice: digits are spelled in Chinese then. */
  language: Language;
}

/**
 * Typed personal data (an ID number, a phone number) read one character at a time, only when the visitor
 * asks for it (ACCESSIBILITY.md row 17). Digits become words, the ID check letter X is read as a letter,
 * anything else (spaces, dashes) is dropped. Groups of four are separated by a pause so the listener can
 * follow along. Never pass a masked field here.
 */
export function spellDigits(value: string, language: Language): SpelledText {
  const english = language === 'en';
  const words: string[] = [];
  for (const char of value) {
    if (char >= '0' && char <= '9') {
      const digit = Number(char);
      words.push(english ? ENGLISH_DIGITS[digit]! : CHINESE_DIGITS[digit]!);
    } else if (char === 'X' || char === 'x') words.push(english ? 'X' : '叉');
  }
  const groups: string[] = [];
  for (let i = 0; i < words.length; i += 4) groups.push(words.slice(i, i + 4).join(english ? ' ' : ''));
  return english
    ? { text: groups.join(', '), language: 'en' }
    : { text: groups.join('，'), language: 'zh-CN' };
}
