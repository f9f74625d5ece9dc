import { useTranslation } from 'react-i18next';
import { pickText } from '../../common/content/pick_text';
import type { LocalizedText } from '../../common/forms/template_schema';
import type { Language } from '../../common/languages';

/** The visitor's language, for picking template texts. */
export function useLanguage(): Language {
  return useTranslation().i18n.language as Language;
}

/**
 * A template text in the visitor's language; the Chinese fallback is marked `lang="zh-CN"`. Mongolian text
 * carries its Chinese original (`data-zh`) for speech: no voice reads Mongolian.
 */
export function LocalText({ text }: { text: LocalizedText }) {
  const language = useLanguage();
  const picked = pickText(text, language);
  return (
    <span
      className="t"
      lang={picked.language === language ? undefined : picked.language}
      data-zh={picked.language === 'mn-Mong-CN' ? text['zh-CN'] : undefined}
    >
      {picked.text}
    </span>
  );
}

export function localString(text: LocalizedText, language: Language): string {
  return pickText(text, language).text;
}
