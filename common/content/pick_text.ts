import type { Language } from '../languages';
import type { LocalizedText } from './localized_text';

/** The text to show in `language`, and the language it is actually in (Chinese when a translation is missing). */
export function pickText(text: LocalizedText, language: Language): { text: string; language: Language } {
  const value = text[language];
  if (value !== undefined) return { text: value, language };
  return { text: text['zh-CN'], language: 'zh-CN' };
}
