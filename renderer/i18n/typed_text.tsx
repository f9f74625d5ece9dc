import { MONGOLIAN_SCRIPT } from '../components/mongolian_keyboard/mongolian_layout';
import { uprightRuns } from './upright_runs';

const MONGOLIAN = 'mn-Mong-CN';

/** The language a visitor's typed text is in, when it is not the page's: Mongolian script is marked as such. */
export function typedLanguage(text: string): typeof MONGOLIAN | undefined {
  return MONGOLIAN_SCRIPT.test(text) ? MONGOLIAN : undefined;
}

/**
 * Text the visitor typed (an answer on the review screen): in Mongolian script it is a Mongolian run — marked
 * `lang="mn-Mong-CN"`, set vertically by mongolian.css — whatever language the session is in.
 */
export function TypedText({ text, id, className }: { text: string; id?: string; className?: string }) {
  const lang = typedLanguage(text);
  return (
    <span id={id} className={lang ? `${className ?? ''} mn-run`.trim() : className} lang={lang}>
      {lang ? uprightRuns(text) : text}
    </span>
  );
}
