import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinUnlockResult } from '../../common/contract/pin_unlock';
import { useAnnounce } from '../a11y/kit_context';
import { Text } from '../i18n/text';
import { KioskButton } from './kiosk_button';
import { OnScreenKeyboard } from './onscreen_keyboard/onscreen_keyboard';
import { TextField } from './text_field';

const MAX_DIGITS = 12;

interface PinGateProps {
  /** Catalog namespace with the `pin.*` texts (label, hint, open, format, wrong, locked_out, not_configured). */
  ns: string;
  /** Fewest digits the mode's PIN has; shorter input is refused here without a call. */
  minDigits: number;
  /** Asks the core; wrong tries count towards its lockout. */
  unlock: (pin: string) => Promise<PinUnlockResult>;
  onUnlocked: () => void;
}

/**
 * A PIN typed on the large number pad (or a keyboard), for staff and technician mode. The value is private:
 * never spoken, masked on screen, and cleared after every try.
 */
export function PinGate({ ns, minDigits, unlock, onUnlocked }: PinGateProps) {
  const { t } = useTranslation(ns);
  const announce = useAnnounce();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (pin.length < minDigits || !/^\d+$/.test(pin)) {
      setError(t('pin.format'));
      announce.assertive(t('pin.format'));
      return;
    }
    const result = await unlock(pin);
    setPin('');
    if (result.ok) {
      onUnlocked();
      return;
    }
    const message =
      result.reason === 'wrong_pin'
        ? t('pin.wrong', { count: result.triesLeft })
        : result.reason === 'locked_out'
          ? t('pin.locked_out', { seconds: result.retryAfterSeconds })
          : t('pin.not_configured');
    setError(message);
    announce.assertive(message);
  };

  return (
    <form
      className={`pin-gate ${ns}-pin`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        id={`${ns}-pin`}
        label={<Text ns={ns} k="pin.label" />}
        hint={<Text ns={ns} k="pin.hint" />}
        error={error ?? undefined}
        value={pin}
        onChange={(value) => setPin(value.replace(/\D/g, '').slice(0, MAX_DIGITS))}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={MAX_DIGITS}
        privateValue
      />
      <OnScreenKeyboard
        layout="number"
        value={pin}
        onChange={setPin}
        onDone={() => void submit()}
        maxLength={MAX_DIGITS}
        privateValue
      />
      <KioskButton variant="primary" onPress={() => void submit()}>
        <Text ns={ns} k="pin.open" />
      </KioskButton>
    </form>
  );
}
