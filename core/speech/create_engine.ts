import { err, ok, type Result } from '../../common/result';
import type { SpeechFailure } from '../../common/speech/speech_failures';
import { MAX_SPEECH_TEXT_CHARS } from '../../common/speech/text_limits';
import { runProcess, runSynthesis } from './command_runner';
import { espeakBackend } from './espeak_backend';
import { sapiBackend } from './sapi_backend';
import { sayBackend } from './say_backend';
import type { SpeechBackend, SpeechEngine } from './speech_engine';
import { fixWavSizes } from './wav';

export interface EngineOptions {
  /** A synthesis that takes longer is killed and reported as `timeout`. */
  timeoutMs?: number;
  maxOutputBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
// 2,000 characters of slow speech at 22 kHz 16-bit mono stay well below this.
const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** The backend of this platform: SAPI on Windows, `say` on macOS, espeak-ng elsewhere. */
export function backendForPlatform(platform: NodeJS.Platform = process.platform): SpeechBackend {
  if (platform === 'win32') return sapiBackend();
  if (platform === 'darwin') return sayBackend();
  return espeakBackend();
}

/** Wraps a command-building backend into the engine interface: limits, timeouts, WAV checks. */
export function createSpeechEngine(backend: SpeechBackend, options: EngineOptions = {}): SpeechEngine {
  const runOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    classifyFailure: backend.classifyFailure,
  };
  let version: Promise<Result<string, SpeechFailure>> | null = null;
  return {
    engine: backend.engine,
    voiceFor: (language) => backend.voiceFor(language),
    version() {
      // A success is remembered; a failure is not, so an engine installed or recovered later is found.
      version ??= (async () => {
        const { file, args } = backend.versionCommand();
        const outcome = await runProcess(file, args, undefined, runOptions);
        if (!outcome.ok) version = null;
        return outcome.ok ? ok(backend.parseVersion(outcome.value.stdout.toString('utf8'))) : outcome;
      })();
      return version;
    },
    async render(text, voice, background = false) {
      if (text.length > MAX_SPEECH_TEXT_CHARS) return err('text_too_long');
      const wav = await runSynthesis((workDir) => backend.build(text, voice, workDir), {
        ...runOptions,
        // Long text takes longer (about 0.5 ms a character here); a hung engine is still caught.
        timeoutMs: runOptions.timeoutMs + text.length * 2,
        lowPriority: background,
      });
      if (!wav.ok) return wav;
      const fixed = fixWavSizes(wav.value);
      return fixed ? ok(fixed) : err('engine_failed');
    },
  };
}
