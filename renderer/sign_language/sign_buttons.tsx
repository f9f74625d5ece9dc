import { useRef } from 'react';
import { KioskButton } from '../components/kiosk_button';
import { Text } from '../i18n/text';
import { useSignController, useSignState } from './sign_context';

/**
 * "手语" in the accessibility bar, on every screen: opens the sign-language panel on this screen's clip (or
 * the plain "no clip here, call an interpreter" message) and closes it again.
 */
export function SignBarButton() {
  const controller = useSignController();
  const state = useSignState();
  const ref = useRef<HTMLButtonElement>(null);
  if (!controller || !state) return null;
  return (
    <KioskButton
      buttonRef={ref}
      expanded={state.open}
      controls={state.open ? 'sign-panel' : undefined}
      onPress={() => controller.toggle(ref.current)}
    >
      <Text ns="sign_language" k="bar_button" />
    </KioskButton>
  );
}

/** Next to a screen's heading, only when the screen has its own clip: the same panel, one press away. */
export function SignScreenButton() {
  const controller = useSignController();
  const state = useSignState();
  const ref = useRef<HTMLButtonElement>(null);
  if (!controller || !state?.screenKey) return null;
  return (
    <KioskButton
      buttonRef={ref}
      className="sign-screen-button"
      expanded={state.open}
      controls={state.open ? 'sign-panel' : undefined}
      onPress={() => controller.toggle(ref.current)}
    >
      <Text ns="sign_language" k="screen_button" />
    </KioskButton>
  );
}
