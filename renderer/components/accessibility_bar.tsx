import { useTranslation } from 'react-i18next';
import { useSpeech } from '../a11y/kit_context';
import { useApp } from '../app_context';
import { Text } from '../i18n/text';
import { SignBarButton } from '../sign_language/sign_buttons';
import { useSession } from '../state/session_store';
import { KioskButton } from './kiosk_button';

/** On every screen: home, language, contrast, text size, speech, sign language and help, by touch or keypad. */
export function AccessibilityBar() {
  const { store, terminal } = useApp();
  const settings = useSession(store, (s) => s.settings);
  const { t } = useTranslation();
  const speech = useSpeech();

  return (
    <nav className="a11y-bar" aria-label={t('a11y_bar.label')}>
      <KioskButton onPress={() => store.navigate({ name: 'home' })}>
        <Text k="a11y_bar.home" />
      </KioskButton>
      <fieldset className="a11y-bar__group">
        <legend className="visually-hidden">
          <Text k="a11y_bar.language" />
        </legend>
        {terminal.languages.map((language) => (
          <KioskButton
            key={language}
            lang={language}
            pressed={settings.language === language}
            onPress={() => store.setLanguage(language)}
          >
            <span className="t">{t('language_name', { lng: language })}</span>
          </KioskButton>
        ))}
      </fieldset>
      <KioskButton onPress={() => store.cycleTheme()}>
        <Text k="a11y_bar.contrast" values={{ theme: t(`themes.${settings.theme}`) }} />
      </KioskButton>
      <KioskButton onPress={() => store.changeTextSize(-1)}>
        <Text k="a11y_bar.smaller" />
      </KioskButton>
      <KioskButton onPress={() => store.changeTextSize(1)}>
        <Text k="a11y_bar.larger" />
      </KioskButton>
      <KioskButton
        pressed={settings.speechOn}
        onPress={() => {
          // Turning speech on is heard through the button's new state; turning it off is said once more.
          if (settings.speechOn) speech.sayParts([{ k: 'spoken.turned_off' }]);
          store.toggleSpeech();
        }}
      >
        <Text k="a11y_bar.speech" />
      </KioskButton>
      <SignBarButton />
      <KioskButton onPress={() => store.navigate({ name: 'help' })}>
        <Text k="a11y_bar.help" />
      </KioskButton>
    </nav>
  );
}
