import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../common/content/localized_text';
import { pickText } from '../../common/content/pick_text';
import type { Language } from '../../common/languages';

/** Published text in the visitor's language; a Chinese fallback is marked `lang="zh-CN"`. */
export function DataText({ text }: { text: LocalizedText }) {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const shown = pickText(text, language);
  return (
    <span className="t" lang={shown.language === language ? undefined : shown.language}>
      {shown.text}
    </span>
  );
}

/** The same choice as `DataText`, as a plain string (for catalog values and speech). */
export function useDataText(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => pickText(text, i18n.language as Language).text;
}
