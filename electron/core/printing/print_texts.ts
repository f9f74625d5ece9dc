import en from '../../../assets/locales/en/print.json' with { type: 'json' };
import zh from '../../../assets/locales/zh-CN/print.json' with { type: 'json' };
import type { Language } from '../../../common/languages';
import type { PrintTexts } from '../../../common/print/print_texts';

/** Print texts for a language; Chinese for languages whose catalog is not written yet (Mongolian). */
export function printTextsFor(language: Language): { texts: PrintTexts; language: Language } {
  if (language === 'en') return { texts: en, language: 'en' };
  return { texts: zh, language: 'zh-CN' };
}
