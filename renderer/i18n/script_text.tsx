import { MONGOLIAN_SCRIPT } from '../../common/languages';
import { uprightRuns } from './upright_runs';

const MONGOLIAN = 'mn-Mong-CN';
const HAN = /[\u3400-\u9fff]/;

/**
 * The language of a text that is not a catalog string (a typed answer, a value passed into a message), told by
 * its script: Mongolian script is Mongolian, Han characters Chinese; anything else (Latin, digits) unmarked.
 */
export function scriptLanguage(text: string): 'mn-Mong-CN' | 'zh-CN' | undefined {
  if (MONGOLIAN_SCRIPT.test(text)) return MONGOLIAN;
  return HAN.test(text) ? 'zh-CN' : undefined;
}

/**
 * The language a catalog string is really in, once its values are filled in: a string shown in Mongolian that
 * is only a placeholder ("{{title}}") filled with Chinese text is Chinese, and the other way round.
 */
export function filledLanguage<L extends string>(shownIn: L, filled: string): L | 'mn-Mong-CN' | 'zh-CN' {
  const script = scriptLanguage(filled);
  if (shownIn === MONGOLIAN && script === 'zh-CN') return script;
  if (shownIn === 'zh-CN' && script === MONGOLIAN && !HAN.test(filled)) return script;
  return shownIn;
}

/**
 * Such a text marked with its language whatever the session's: in Mongolian script it is a Mongolian run
 * (`lang="mn-Mong-CN"`, set vertically by mongolian.css), a typed Mongolian name in a Chinese session too.
 */
export function ScriptText({ text, id, className }: { text: string; id?: string; className?: string }) {
  const lang = scriptLanguage(text);
  const mongolian = lang === MONGOLIAN;
  return (
    <span id={id} className={mongolian ? `${className ?? ''} mn-run`.trim() : className} lang={lang}>
      {mongolian ? uprightRuns(text) : text}
    </span>
  );
}
