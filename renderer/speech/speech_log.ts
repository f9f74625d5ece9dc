import type { SpeechLogEntry } from '../a11y/speaker';

/** What happened to an utterance: played, or skipped and why (the technician screen shows failures). */
export interface RpcSpeechLogEntry extends SpeechLogEntry {
  outcome: 'played' | 'no_audio' | 'failed';
}

const MAX_ENTRIES = 200;

/**
 * What was spoken and when, in memory only and for the current session (it may contain typed data the
 * visitor asked to hear): cleared at session end, capped, never written anywhere. The app decides
 * whether to expose it (tests, technician screen); it is not put on `window`.
 */
export class SpeechLog {
  private items: RpcSpeechLogEntry[] = [];

  add(entry: RpcSpeechLogEntry): void {
    this.items.push(entry);
    if (this.items.length > MAX_ENTRIES) this.items.splice(0, this.items.length - MAX_ENTRIES);
  }

  /** A copy, so a reader cannot change the record. */
  entries(): RpcSpeechLogEntry[] {
    return this.items.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.items = [];
  }
}
