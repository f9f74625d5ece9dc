import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce, useSpeech } from '../a11y/kit_context';
import { Text } from '../i18n/text';

/** Under the 300 ms a visitor waits before wondering whether the press was taken (issue 18). */
export const SAVING_NOTICE_DELAY_MS = 250;

/**
 * "Saving…", shown and spoken, when a save is still running after SAVING_NOTICE_DELAY_MS: a slow save
 * (busy core, restarting host) never leaves a blind visitor in silence. Quick saves show nothing.
 */
export function SavingNotice({ active }: { active: boolean }) {
  const [shown, setShown] = useState(false);
  const { t } = useTranslation('forms_ui');
  const speech = useSpeech();
  const announcer = useAnnounce();

  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => {
      setShown(true);
      const text = t('step.saving');
      announcer.polite(text);
      speech.sayText(text, 'ui');
    }, SAVING_NOTICE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, t, speech, announcer]);

  if (!shown) return null;
  return (
    <p className="saving-notice">
      <Text ns="forms_ui" k="step.saving" />
    </p>
  );
}
