import type { i18n as I18n } from 'i18next';
import type { Speaker, Utterance } from './speaker';

/** The Chinese text of a `ns:key` catalog key, if the Chinese catalog has it. */
export type ChineseOfKey = (key: string) => string | undefined;

/**
 * The one way a Mongolian utterance finds its Chinese fallback (said when no recording exists, as no voice
 * reads Mongolian): it carries it in `fallback`. Template texts and interpolated strings get theirs where they
 * are made (LocalText's `data-zh`, the kit's `fallbackValues`); a plain catalog string gets the Chinese text
 * of its key here, before the engine sees it. The engine reads only `fallback`.
 */
export function withChineseFallback(utterance: Utterance, chineseOf: ChineseOfKey): Utterance {
  if (utterance.language !== 'mn-Mong-CN' || utterance.fallback !== undefined || !utterance.key)
    return utterance;
  const fallback = chineseOf(utterance.key);
  return fallback === undefined ? utterance : { ...utterance, fallback };
}

/** A speaker that fills in the Chinese fallbacks before passing utterances on to `inner`. */
export function fallbackFillingSpeaker(inner: Speaker, chineseOf: ChineseOfKey): Speaker {
  return {
    speak: (utterances) => inner.speak(utterances.map((u) => withChineseFallback(u, chineseOf))),
    stop: () => inner.stop(),
    repeat: () => inner.repeat(),
  };
}

/** The Chinese catalog text of a `ns:key` key (a bare key is in `common`). */
export function chineseCatalogText(i18n: I18n): ChineseOfKey {
  return (key) => {
    const [ns, k] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
    return i18n.exists(k, { ns, lng: 'zh-CN' }) ? i18n.t(k, { ns, lng: 'zh-CN' }) : undefined;
  };
}
