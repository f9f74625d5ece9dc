import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogSignKey } from '../../common/sign_language/sign_keys';
import { useSpeech } from '../a11y/kit_context';
import { Text } from '../i18n/text';
import { SignScreenButton } from '../sign_language/sign_buttons';
import { useSignKeys } from '../sign_language/sign_context';
import type { SpeechPart } from '../speech/speech_output';

interface ScreenHeadingProps {
  k: string;
  values?: Record<string, string>;
  /** Chinese values for speech when `values` hold Mongolian text (see SpeechPart.fallbackValues). */
  fallbackValues?: Record<string, string>;
  ns?: string;
  /** What the screen says after its title on load: the prompt (catalog keys). The "how to proceed" hint follows. */
  intro?: readonly SpeechPart[];
}

/**
 * The heading of a screen. Takes focus when the screen opens so keypad and screen-reader users start there,
 * and (speech on) announces the screen: title, prompt, how to proceed. Re-announces on a language change.
 */
export function ScreenHeading({ k, values, fallbackValues, ns, intro = [] }: ScreenHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const speech = useSpeech();
  const { i18n } = useTranslation();
  const announcement = JSON.stringify([
    { k, ns, values, fallbackValues },
    ...intro,
    { k: 'spoken.how_to_proceed' },
  ]);
  const language = i18n.language;
  const spokenIn = useRef(language);
  // A sign-language clip of the screen: of its prompt (intro) first, else of its title.
  useSignKeys([...intro.map((part) => catalogSignKey(part.k, part.ns)), catalogSignKey(k, ns)]);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  // On load (and when the content changes) the screen says its title, prompt and how to proceed. After a
  // language change only while the heading still has focus: otherwise the focused control is re-spoken.
  useEffect(() => {
    const languageChanged = spokenIn.current !== language;
    spokenIn.current = language;
    if (languageChanged && document.activeElement !== ref.current) return;
    speech.sayParts(JSON.parse(announcement) as SpeechPart[]);
  }, [announcement, language, speech]);

  return (
    <>
      <h2 id="screen-heading" className="screen-heading" tabIndex={-1} ref={ref} data-announce="screen">
        <Text k={k} ns={ns} values={values} bilingual />
      </h2>
      <SignScreenButton />
    </>
  );
}
