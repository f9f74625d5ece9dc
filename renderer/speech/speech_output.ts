import type { Language } from '../../common/languages';
import { describeControl, textUtterances } from './describe_control';
import type { Speaker, Utterance } from './speaker';

/** A catalog string to speak: key, optional namespace and interpolation values. */
export interface SpeechPart {
  k: string;
  ns?: string;
  values?: Record<string, string | number>;
  /**
   * Values for the Chinese text said when Mongolian audio is missing, where `values` hold Mongolian text
   * (a template's prompt): without them the Chinese fallback would read Mongolian letters.
   */
  fallbackValues?: Record<string, string | number>;
}

/** Resolves a catalog key into an utterance in the current language (falls back to Chinese, marked so). */
export type ResolveKey = (part: SpeechPart) => Utterance;

/**
 * What the kit says, through whichever `Speaker` is installed (the speech engine's, or only the log). Silent
 * while speech is off; every `say` interrupts what is playing (the Speaker contract).
 */
export class SpeechOutput {
  constructor(
    private readonly speaker: Speaker,
    private readonly isOn: () => boolean,
    private readonly language: () => Language,
    readonly resolve: ResolveKey,
  ) {}

  say(utterances: readonly Utterance[], force = false): void {
    if ((!force && !this.isOn()) || utterances.length === 0) return;
    this.speaker.speak(utterances);
  }

  sayParts(parts: readonly SpeechPart[], force = false): void {
    this.say(parts.map(this.resolve), force);
  }

  /** Text that is not a catalog string (a search result, a typed value the visitor asked to hear). */
  sayText(text: string, kind: Utterance['kind'] = 'dynamic'): void {
    this.say([{ text, language: this.language(), kind }]);
  }

  /** A control's label, value, state and hint as utterances (also when speech is off, to compare states). */
  describe(element: HTMLElement): Utterance[] {
    return describeControl(element, this.language(), (k) => this.resolve({ k }));
  }

  /** Says a control's label, value, state and hint. */
  sayControl(element: HTMLElement): void {
    if (!this.isOn()) return;
    this.say(this.describe(element));
  }

  /** Says the text of some elements (a dialog's title and message), then the focused control if given. */
  sayRegion(elements: readonly (Element | null | undefined)[], focused?: HTMLElement | null): void {
    if (!this.isOn()) return;
    const language = this.language();
    const parts = elements.flatMap((element) => (element ? textUtterances(element, language) : []));
    if (focused) parts.push(...describeControl(focused, language, (k) => this.resolve({ k })));
    this.say(parts);
  }

  stop(): void {
    this.speaker.stop();
  }

  repeat(): void {
    if (this.isOn()) this.speaker.repeat();
  }
}
