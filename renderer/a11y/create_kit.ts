import type { i18n as I18n } from 'i18next';
import { languageOfKey } from '../i18n/i18n';
import { chineseCatalogText, fallbackFillingSpeaker } from '../speech/chinese_fallback';
import type { Speaker } from '../speech/speaker';
import { loggingSpeaker, SpeechLog } from '../speech/speech_log';
import { type ResolveKey, SpeechOutput } from '../speech/speech_output';
import type { SessionStore } from '../state/session_store';
import { Announcer } from './announcer';
import type { KitServices } from './kit_context';

/** The app's kit services: speech through `engine` (logged), catalog strings in the visitor's language. */
export function createKit(store: SessionStore, i18n: I18n, engine: Speaker | null): KitServices {
  const settings = () => store.getState().settings;
  const resolve: ResolveKey = ({ k, ns = 'common', values, fallbackValues }) => {
    const language = settings().language;
    return {
      text: i18n.t(k, { ns, lng: language, ...values }),
      language: languageOfKey(i18n, k, language, ns),
      kind: 'ui',
      key: `${ns}:${k}`,
      // Said when Mongolian audio is missing: the Chinese text with the Chinese values (template texts).
      ...(fallbackValues && language === 'mn-Mong-CN'
        ? { fallback: i18n.t(k, { ns, lng: 'zh-CN', ...values, ...fallbackValues }) }
        : {}),
    };
  };
  const speechLog = new SpeechLog();
  const speaker = loggingSpeaker(
    engine && fallbackFillingSpeaker(engine, chineseCatalogText(i18n)),
    speechLog,
  );
  const speech = new SpeechOutput(
    speaker,
    () => settings().speechOn,
    () => settings().language,
    resolve,
  );
  const announcer = new Announcer((text) => speech.sayText(text, 'ui'));
  return { speech, speechLog, announcer };
}
