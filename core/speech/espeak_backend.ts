import type { Language } from '../../common/languages';
import type { SpeechBackend } from './speech_engine';

// The plain `cmn` voice of espeak-ng 1.51 reads tone numbers in English; the pinyin voice speaks Mandarin.
const VOICES: Record<Language, string | null> = {
  'zh-CN': 'cmn-latn-pinyin',
  en: 'en-us',
  'mn-Mong-CN': null,
};

/**
 * Linux: espeak-ng. The text goes through stdin (`--stdin` reads it whole, `-b 1` says UTF-8), so nothing
 * in it (a leading `-`, quotes, `$()`) can be taken as an option; SSML is off, so `<` is just text.
 */
export function espeakBackend(binary = 'espeak-ng'): SpeechBackend {
  return {
    engine: 'espeak-ng',
    voiceFor: (language) => VOICES[language],
    build: (text, voice) => ({
      file: binary,
      args: ['-v', voice, '-b', '1', '--stdin', '--stdout'],
      stdin: Buffer.from(text, 'utf8'),
      inputFiles: [],
      output: { kind: 'stdout' },
    }),
    versionCommand: () => ({ file: binary, args: ['--version'] }),
    parseVersion: (stdout) => /(\d+\.\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? 'unknown',
  };
}
