import type { Speaker, SpeechLogEntry, Utterance } from './speaker';

const LOG_LIMIT = 500;
/** Dynamic text (typed values, search results) may be personal data: the log keeps only its length. */
export function redact(utterance: Utterance): string {
  return utterance.kind === 'ui' ? utterance.text : `[dynamic:${utterance.text.length}]`;
}

export interface LoggingSpeaker extends Speaker {
  /** What was asked to be spoken, oldest first (at most the last 500 utterances). */
  log(): readonly SpeechLogEntry[];
  /** Session end: the next visitor's log starts empty. */
  clear(): void;
}

/**
 * Wraps the real speaker and records what the kit asked it to say and when, for tests and the technician
 * screen. Without an engine (tests, or before the speech engine answers) it only records.
 */
export function createLoggingSpeaker(inner: Speaker | null, now: () => number = Date.now): LoggingSpeaker {
  const entries: SpeechLogEntry[] = [];
  return {
    speak(utterances) {
      for (const utterance of utterances) {
        entries.push({
          at: now(),
          text: redact(utterance),
          language: utterance.language,
          kind: utterance.kind,
        });
      }
      if (entries.length > LOG_LIMIT) entries.splice(0, entries.length - LOG_LIMIT);
      inner?.speak(utterances);
    },
    stop() {
      inner?.stop();
    },
    repeat() {
      inner?.repeat();
    },
    log: () => [...entries],
    clear: () => {
      entries.length = 0;
    },
  };
}
