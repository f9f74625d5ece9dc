import type { Language } from '../../common/languages';

/**
 * What the UI asks to be spoken. `ui` text is a catalog string (pre-rendered, instant); `dynamic` text is
 * anything else (typed values, search results) and is synthesized live. The values of personal fields
 * (`isPersonalField`) and masked fields are never passed here.
 */
export interface Utterance {
  text: string;
  language: Language;
  kind: 'ui' | 'dynamic';
  /** Catalog key of a `ui` utterance; audio packs (Mongolian) are looked up by it. */
  key?: string;
  /** Chinese text of the same meaning, said when a Mongolian utterance has no recorded audio. */
  fallback?: string;
}

/**
 * The renderer's speech output. Any new `speak` interrupts what is playing; `repeat` replays the last
 * utterances. The accessible-interaction kit decides what to say; the speech engine decides how.
 */
export interface Speaker {
  speak(utterances: readonly Utterance[]): void;
  stop(): void;
  repeat(): void;
}
