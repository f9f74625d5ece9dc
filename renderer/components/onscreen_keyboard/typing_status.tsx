import { useTranslation } from 'react-i18next';

interface TypingStatusProps {
  composition: string;
  syllables: string[];
  candidates: string[];
  page: number;
  pages: number;
  value: string;
  privateValue?: boolean;
}

/**
 * Shows the pinyin being typed, and tells screen-reader users (polite live region) what each key press did:
 * the pinyin and the first candidates, or what the field now holds (for personal data only its length).
 */
export function TypingStatus({
  composition,
  syllables,
  candidates,
  page,
  pages,
  value,
  privateValue,
}: TypingStatusProps) {
  const { t } = useTranslation('forms_ui');
  const length = [...value].length;
  const message = composition
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
  return (
    <div className="osk__status">
      <p className="osk__composition" lang="en" aria-hidden="true">
        {syllables.join(' ')}
      </p>
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </div>
  );
}
