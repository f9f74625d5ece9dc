import { DEFAULT_LANGUAGE, type Language } from '../languages';
import type { LocalizedText } from './template_schema';

/** The text in the wanted language, or Chinese (with its language, for `lang=` marking) when missing. */
export function pickText(text: LocalizedText, language: Language): { text: string; language: Language } {
  const wanted = text[language];
  return wanted ? { text: wanted, language } : { text: text['zh-CN'], language: DEFAULT_LANGUAGE };
}
