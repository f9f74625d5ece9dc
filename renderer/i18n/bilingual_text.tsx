import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { AppContext } from '../app_context';
import { languageOfKey } from './i18n';
import { scriptLanguage } from './script_text';
import { uprightRuns } from './upright_runs';

const MONGOLIAN = 'mn-Mong-CN';
const CHINESE = 'zh-CN';

/**
 * Whether Mongolian and Chinese are shown together: the terminal setting `bilingual`, while the visitor reads
 * Chinese or Mongolian (English stays alone). Safe outside the app (component tests): false there.
 */
export function useBilingual(): boolean {
  const app = useContext(AppContext);
  const { i18n } = useTranslation();
  return app?.terminal.bilingual === true && (i18n.language === MONGOLIAN || i18n.language === CHINESE);
}

interface BilingualTextProps {
  k: string;
  ns?: string;
  values?: Record<string, string | number>;
}

/**
 * A catalog string in Mongolian and Chinese, Mongolian first (left of the Chinese: its columns run top to
 * bottom), the same size, each run with its own `lang`. Without a Mongolian string only the Chinese shows.
 */
export function BilingualText({ k, ns = 'common', values }: BilingualTextProps) {
  const { i18n } = useTranslation(ns);
  const chinese = i18n.t(k, { ns, lng: CHINESE, ...values });
  const mongolian =
    languageOfKey(i18n, k, MONGOLIAN, ns) === MONGOLIAN ? i18n.t(k, { ns, lng: MONGOLIAN, ...values }) : null;
  // A key that is only a placeholder ("{{title}}") gives the same text in both: one run, marked by its script.
  const single = mongolian === null || mongolian === chinese;
  const singleLanguage = single ? (scriptLanguage(chinese) ?? CHINESE) : CHINESE;
  return (
    <span className="bilingual">
      {single ? null : (
        <span className="t" lang={MONGOLIAN} data-k={values ? undefined : `${ns}:${k}`}>
          {uprightRuns(mongolian)}
        </span>
      )}
      <span className="t" lang={singleLanguage}>
        {singleLanguage === MONGOLIAN ? uprightRuns(chinese) : chinese}
      </span>
    </span>
  );
}
