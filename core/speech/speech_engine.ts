import type { Language } from '../../common/languages';
import type { Result } from '../../common/result';
import type { SpeechFailure } from '../../common/speech/speech_failures';

/**
 * One process run that renders text to a WAV file or to stdout. Text reaches the engine only as data:
 * through stdin or through a UTF-8 file written into a fresh private folder, never inside a shell string.
 */
export interface SynthesisCommand {
  file: string;
  args: readonly string[];
  /** Bytes piped to the engine's stdin (then closed). */
  stdin?: Buffer;
  /** Files to write into the work folder before the run (absolute paths inside it). */
  inputFiles: readonly { path: string; content: Buffer }[];
  /** Where the WAV comes out. */
  output: { kind: 'stdout' } | { kind: 'file'; path: string };
}

/** A platform's text-to-speech program, as a pure command builder (testable on every platform). */
export interface SpeechBackend {
  /** Short engine name that goes into cache keys, e.g. `espeak-ng`. */
  readonly engine: string;
  /** The voice for a language, or null when this backend has none (Mongolian everywhere). */
  voiceFor(language: Language): string | null;
  /** The command that renders `text` (already normalized and within limits) with `voice` into WAV. */
  build(text: string, voice: string, workDir: string): SynthesisCommand;
  /** A cheap run that proves the engine exists and names its version (part of the cache key). */
  versionCommand(): { file: string; args: readonly string[] };
  parseVersion(stdout: string): string;
  /** Backend-specific meaning of a failed run (e.g. "no voice for this culture"). */
  classifyFailure?(exitCode: number | null, stderr: string): SpeechFailure | null;
}

/** The core's single speech interface: text and voice in, WAV bytes (or a typed failure) out. */
export interface SpeechEngine {
  readonly engine: string;
  voiceFor(language: Language): string | null;
  /** The engine's version, or the failure that proves it is unusable (a success is probed only once). */
  version(): Promise<Result<string, SpeechFailure>>;
  /** `background` work runs at the lowest CPU priority. */
  render(text: string, voice: string, background?: boolean): Promise<Result<Buffer, SpeechFailure>>;
}
