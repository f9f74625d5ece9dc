import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { OnScreenKeyboard } from '../../components/onscreen_keyboard/onscreen_keyboard';
import { TextField } from '../../components/text_field';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';

const NS = 'staff';

/** The staff PIN, typed on the large number pad (or a keyboard). Wrong tries count towards the core's lockout. */
export function StaffPinGate({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!/^\d{6,12}$/.test(pin)) {
      setError(t('pin.format'));
      announce.assertive(t('pin.format'));
      return;
    }
    const result = await call('staff.unlock', { pin });
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
      className="staff-pin"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextField
        id="staff-pin"
        label={<Text ns={NS} k="pin.label" />}
        hint={<Text ns={NS} k="pin.hint" />}
        error={error ?? undefined}
        value={pin}
        onChange={(value) => setPin(value.replace(/\D/g, '').slice(0, 12))}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        privateValue
      />
      <OnScreenKeyboard
        layout="number"
        value={pin}
        onChange={setPin}
        onDone={() => void submit()}
        maxLength={12}
        privateValue
      />
      <KioskButton variant="primary" onPress={() => void submit()}>
        <Text ns={NS} k="pin.open" />
      </KioskButton>
    </form>
  );
}
