import { useTranslation } from 'react-i18next';
import { pickText } from '../../../common/content/pick_text';
import type { LocalizedText } from '../../../common/forms/template_schema';
import type { Language } from '../../../common/languages';

/** The visitor's language, for picking template texts. */
export function useLanguage(): Language {
  return useTranslation().i18n.language as Language;
}

/** A template text in the visitor's language; the Chinese fallback is marked `lang="zh-CN"`. */
export function LocalText({ text }: { text: LocalizedText }) {
  const language = useLanguage();
  const picked = pickText(text, language);
  return (
    <span className="t" lang={picked.language === language ? undefined : picked.language}>
      {picked.text}
    </span>
  );
}

export function localString(text: LocalizedText, language: Language): string {
  return pickText(text, language).text;
}
