import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spellDigits } from '../../common/speech/spell_digits';
import { useSpeech } from '../a11y/kit_context';
import { useLanguage } from '../i18n/local_text';
import { Text } from '../i18n/text';
import { KioskButton } from './kiosk_button';

/** How many characters of a personal number stay visible. */
const SHOWN = 4;

/** The last four characters, the rest as dots: `••••••••••••••0034`. Short values are all dots. */
export function maskedText(value: string): { hidden: string; shown: string } {
  const chars = [...value];
  const shown = chars.length > SHOWN ? chars.slice(-SHOWN).join('') : '';
  return { hidden: '•'.repeat(chars.length - shown.length), shown };
}

/**
 * A personal number (ID number, certificate, phone) on a public screen: only its last four characters until
 * the visitor chooses "show" (then it is also read out, digit by digit: they asked). Leaving the screen hides
 * it again, since the shown state lives only as long as this element.
 */
export function MaskedValue({ value, label, id }: { value: string; label: string; id?: string }) {
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const speech = useSpeech();
  const [shown, setShown] = useState(false);
  const valueId = useId();
  const { hidden, shown: last } = maskedText(value);
  return (
    <span className="masked-value">
      <span
        id={id ?? valueId}
        className="masked-value__text"
        data-private=""
        data-masked={shown ? undefined : ''}
      >
        {shown ? (
          value
        ) : (
          <>
            <span aria-hidden="true">
              {hidden}
              {last}
            </span>
            <span className="visually-hidden">{t('masked.ending', { last })}</span>
          </>
        )}
      </span>
      <KioskButton
        pressed={shown}
        label={t(shown ? 'masked.hide_named' : 'masked.show_named', { label })}
        onPress={() => {
          if (!shown) {
            const spelled = spellDigits(value, language);
            speech.say([{ text: spelled.text, language: spelled.language, kind: 'dynamic' }]);
          }
          setShown(!shown);
        }}
      >
        <Text ns="forms_ui" k={shown ? 'masked.hide' : 'masked.show'} />
      </KioskButton>
    </span>
  );
}
