import type { Language } from '../../common/languages';
import type { SpeechFailure } from '../../common/speech/speech_failures';
import type { Logger } from '../../node_shared/logger';

// Failures that say the engine itself is unwell (as opposed to a refused or oversized request).
const ENGINE_FAULTS: ReadonlySet<SpeechFailure> = new Set([
  'engine_missing',
  'engine_failed',
  'timeout',
  'no_voice_for_language',
]);

/** The engine's health as renders find it: the last engine fault (cleared by a good render) and counts. */
export class SpeechHealth {
  private fault: SpeechFailure | null = null;
  private readonly counts: Partial<Record<SpeechFailure, number>> = {};

  constructor(private readonly logger: Logger) {}

  failed(reason: SpeechFailure, language: Language, length: number): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    if (ENGINE_FAULTS.has(reason)) this.fault = reason;
    // Never the text: it may be what the visitor typed.
    this.logger.warn('speech.render_failed', { reason, language, length });
  }

  rendered(): void {
    this.fault = null;
  }

  get lastFault(): SpeechFailure | null {
    return this.fault;
  }

  failures(): Partial<Record<SpeechFailure, number>> {
    return { ...this.counts };
  }
}
