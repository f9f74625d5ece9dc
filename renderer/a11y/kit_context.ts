import { createContext, useContext } from 'react';
import type { Language } from '../../common/languages';
import { loggingSpeaker, SpeechLog } from '../speech/speech_log';
import { SpeechOutput } from '../speech/speech_output';
import { Announcer } from './announcer';

/** The kit's services for every component: speech output, its log, the live regions. */
export interface KitServices {
  speech: SpeechOutput;
  /** What the kit asked to say this session. */
  speechLog: SpeechLog;
  announcer: Announcer;
}

/** Services that do nothing audible: the default outside the app (component tests) and for tests to build on. */
export function silentKit(
  isOn: () => boolean = () => false,
  language: () => Language = () => 'zh-CN',
): KitServices {
  const speechLog = new SpeechLog();
  const speech = new SpeechOutput(loggingSpeaker(null, speechLog), isOn, language, (part) => ({
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
