import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';

interface TypingStatusProps {
  composition: string;
  syllables: string[];
  candidates: string[];
  page: number;
  pages: number;
  value: string;
  privateValue?: boolean;
  /** The candidates cannot show yet (their index is loading) or at all (it failed to load). */
  unavailable?: 'loading' | 'ready' | 'failed';
}

/**
 * Shows the pinyin being typed, and tells what each key press did — in the polite live region for screen
 * readers and by speech (focus stays on the key, so nothing else would be said): the pinyin and the first
 * candidates, or what the field now holds (for personal data only its length).
 */
export function TypingStatus({
  composition,
  syllables,
  candidates,
  page,
  pages,
  value,
  privateValue,
  unavailable,
}: TypingStatusProps) {
  const { t } = useTranslation('forms_ui');
  const length = [...value].length;
  const message =
    unavailable === 'loading'
      ? t('keyboard.loading')
      : unavailable === 'failed'
        ? t('keyboard.load_failed')
        : composition
          ? t('keyboard.status_pinyin', {
              pinyin: syllables.join(' '),
              candidates: candidates.join(' '),
              page: page + 1,
              pages,
            })
          : privateValue
            ? t('keyboard.status_private', { count: length })
            : length
              ? t('keyboard.status_value', { value })
              : t('keyboard.status_empty');
  const announcer = useAnnounce();
  const speech = useSpeech();
  const first = useRef(true);
  useEffect(() => {
    // only changes are news; the field's own label and value are said when it is focused
    if (first.current) {
      first.current = false;
      return;
    }
    announcer.polite(message);
    speech.sayText(message, 'dynamic');
  }, [message, announcer, speech]);
  return (
    <p className="osk__composition" lang="en" aria-hidden="true">
      {syllables.join(' ')}
    </p>
  );
}
