import path from 'node:path';
import type { Language } from '../../common/languages';
import type { SpeechBackend } from './speech_engine';

const VOICES: Record<Language, string | null> = {
  'zh-CN': 'Tingting',
  en: 'Samantha',
  'mn-Mong-CN': null,
};

/**
 * macOS: `say` reading a UTF-8 file (`-f`) and writing 16-bit PCM WAVE (`-o`). The text never appears on
 * the command line, so a leading `-` or any quoting cannot change what runs.
 */
export function sayBackend(binary = '/usr/bin/say'): SpeechBackend {
  return {
    engine: 'say',
    voiceFor: (language) => VOICES[language],
    build: (text, voice, workDir) => {
      const textPath = path.posix.join(workDir, 'text.txt');
      const outPath = path.posix.join(workDir, 'speech.wav');
      return {
        file: binary,
        args: ['-v', voice, '-f', textPath, '-o', outPath, '--file-format=WAVE', '--data-format=LEI16@22050'],
        inputFiles: [{ path: textPath, content: Buffer.from(text, 'utf8') }],
        output: { kind: 'file', path: outPath },
      };
    },
    // `say` has no version flag; the OS version names the voices' generation well enough.
    versionCommand: () => ({ file: '/usr/bin/sw_vers', args: ['-productVersion'] }),
    parseVersion: (stdout) => `macos${stdout.trim().slice(0, 32)}`,
    classifyFailure: (_exitCode, stderr) =>
      /voice .* not found/i.test(stderr) ? 'no_voice_for_language' : null,
  };
}
