import type { LocalizedText } from '../../../../common/content/localized_text';
import { KioskButton } from '../../../components/kiosk_button';
import { LocalText, localString, useLanguage } from '../../../i18n/local_text';
import { Text } from '../../../i18n/text';

/**
 * Common wording for a long answer: one press puts the sentence into the field (after what is already there),
 * and the visitor changes or adds to it on the keyboard. Spares a keypad visitor a sentence typed key by key.
 */
export function StarterList({
  starters,
  onPick,
}: {
  starters: readonly LocalizedText[];
  onPick: (text: string) => void;
}) {
  const language = useLanguage();
  if (starters.length === 0) return null;
  return (
    <fieldset className="form-step__starters">
      <legend>
        <Text ns="forms_ui" k="step.starters" />
      </legend>
      {starters.map((starter) => (
        <KioskButton key={starter['zh-CN']} onPress={() => onPick(localString(starter, language))}>
          <LocalText text={starter} />
        </KioskButton>
      ))}
    </fieldset>
  );
}
