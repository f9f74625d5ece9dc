import { useTranslation } from 'react-i18next';
import type { Language } from '../../common/languages';
import { BilingualText, useBilingual } from './bilingual_text';
import { languageOfKey } from './i18n';
import { filledLanguage } from './script_text';
import { uprightRuns } from './upright_runs';

interface TextProps {
  k: string;
  ns?: string;
  values?: Record<string, string | number>;
  /** Mongolian and Chinese together when the terminal's bilingual setting is on (home screen, headings). */
  bilingual?: boolean;
}

/**
 * A catalog string. When the current language lacks the key, the Chinese fallback is marked with
 * `lang="zh-CN"` so screen readers, speech and the layout (vertical Mongolian) treat it correctly.
 */
export function Text({ k, ns = 'common', values, bilingual = false }: TextProps) {
  const { t, i18n } = useTranslation(ns);
  const bilingualOn = useBilingual();
  const language = i18n.language as Language;
  const value = t(k, values);
  const shownIn = filledLanguage(languageOfKey(i18n, k, language, ns), value);
  if (bilingual && bilingualOn) return <BilingualText k={k} ns={ns} values={values} />;
  return (
    // data-k: the catalog key, for speech of focused controls (Mongolian clips by key); interpolated strings have
    // no clip and no plain Chinese text, so they carry none
    <span
      className="t"
      lang={shownIn === language ? undefined : shownIn}
      data-k={values ? undefined : `${ns}:${k}`}
    >
      {shownIn === 'mn-Mong-CN' ? uprightRuns(value) : value}
    </span>
  );
}
