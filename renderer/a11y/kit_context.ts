import { createContext, useContext } from 'react';
import type { Language } from '../../common/languages';
import { Announcer } from './announcer';
import { createLoggingSpeaker, type LoggingSpeaker } from './speech_log';
import { SpeechOutput } from './speech_output';

/** The kit's services for every component: speech output, its log, the live regions. */
export interface KitServices {
  speech: SpeechOutput;
  speechLog: LoggingSpeaker;
  announcer: Announcer;
}

/** Services that do nothing audible: the default outside the app (component tests) and for tests to build on. */
export function silentKit(
  isOn: () => boolean = () => false,
  language: () => Language = () => 'zh-CN',
): KitServices {
  const speechLog = createLoggingSpeaker(null);
  const speech = new SpeechOutput(speechLog, isOn, language, (part) => ({
    text: part.k,
    language: language(),
    kind: 'ui',
    key: part.k,
  }));
  return { speech, speechLog, announcer: new Announcer((text) => speech.sayText(text, 'ui')) };
}

export const KitContext = createContext<KitServices>(silentKit());

export function useKit(): KitServices {
  return useContext(KitContext);
}

/** Says catalog strings or text (silent while speech is off); every new say interrupts. */
export function useSpeech(): SpeechOutput {
  return useContext(KitContext).speech;
}

/** The polite (status) and assertive (errors, also spoken) live regions. */
export function useAnnounce(): Announcer {
  return useContext(KitContext).announcer;
}
