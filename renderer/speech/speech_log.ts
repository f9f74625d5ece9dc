import type { Language } from '../../common/languages';
import type { Speaker, Utterance } from './speaker';

/** What happened to an utterance in the engine: played, or skipped and why. */
export type SpeechOutcome = 'played' | 'no_audio' | 'failed';

/** One record of speech, for tests and the technician screen. */
export interface SpeechLogEntry {
  at: number;
  /** Catalog text as said; anything else (typed values, search results) only as its length. */
  text: string;
  language: Language;
  kind: Utterance['kind'];
  /** Set by the engine's record; the record of what was asked has none. */
  outcome?: SpeechOutcome;
}

const LOG_LIMIT = 500;

/** Dynamic text (typed values, search results) may be personal data: the log keeps only its length. */
function redact(utterance: Utterance): string {
  return utterance.kind === 'ui' ? utterance.text : `[dynamic:${utterance.text.length}]`;
}

/**
 * The one speech log: in memory only, capped, personal text reduced to its length, cleared at session end.
 * The kit keeps one of what it asked to say; the engine keeps one of what it played.
 */
export class SpeechLog {
  private items: SpeechLogEntry[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  add(utterance: Utterance, outcome?: SpeechOutcome): void {
    const { language, kind } = utterance;
    this.items.push({
      at: this.now(),
      text: redact(utterance),
      language,
      kind,
      ...(outcome ? { outcome } : {}),
    });
    if (this.items.length > LOG_LIMIT) this.items.splice(0, this.items.length - LOG_LIMIT);
  }

  /** A copy, oldest first, so a reader cannot change the record. */
  entries(): SpeechLogEntry[] {
    return this.items.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.items = [];
  }
}

/** A speaker that records in `log` what it was asked to say, then passes it on (or only records, without one). */
export function loggingSpeaker(inner: Speaker | null, log: SpeechLog): Speaker {
  return {
    speak(utterances) {
      for (const utterance of utterances) log.add(utterance);
      inner?.speak(utterances);
    },
    stop: () => inner?.stop(),
    repeat: () => inner?.repeat(),
  };
}
