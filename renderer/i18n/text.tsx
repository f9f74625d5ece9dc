import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/languages';
import { languageOfKey } from './i18n';

interface TextProps {
  k: string;
  ns?: string;
  values?: Record<string, string | number>;
}

/**
 * A catalog string. When the current language lacks the key, the Chinese fallback is marked with
 * `lang="zh-CN"` so screen readers, speech and the layout (vertical Mongolian) treat it correctly.
 */
export function Text({ k, ns = 'common', values }: TextProps) {
  const { t, i18n } = useTranslation(ns);
  const language = i18n.language as Language;
  const shownIn = languageOfKey(i18n, k, language, ns);
  const value = t(k, values);
  return (
    <span className="t" lang={shownIn === language ? undefined : shownIn}>
      {value}
    </span>
  );
}
