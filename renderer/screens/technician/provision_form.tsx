import '../../styles/technician.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskButton } from '../../components/kiosk_button';
import { OnScreenKeyboard } from '../../components/onscreen_keyboard/onscreen_keyboard';
import { TextField } from '../../components/text_field';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';

const NS = 'technician';
const CODE_FIELD_REASONS = new Set(['bad_code', 'unknown_code', 'code_used', 'code_expired']);
const HUB_URL_MAX = 2048;
const CODE_MAX = 40;

/**
 * On the "not provisioned" screen: a technician sets the terminal up from the hub address and a one-time
 * enrollment code (`npm run hub:enroll-code` on the hub). The core writes the provisioning file and restarts.
 * A new terminal may have only its touch screen and keypad: each field has the on-screen keyboard under it
 * (web-address letters for the hub, the number pad for the code); a physical keyboard works in the fields.
 */
export function ProvisionForm() {
  const { t } = useTranslation(NS);
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ hub?: string; code?: string }>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  // The status paragraph is a live region itself: the kit's announcer is not mounted on this screen.
  const report = setStatus;

  const submit = async () => {
    if (busy) return;
    if (!/^https?:\/\/\S+$/.test(hubUrl.trim())) return setErrors({ hub: t('provision.bad_hub_url') });
    if (!/^[\d -]{12,40}$/.test(code.trim())) return setErrors({ code: t('provision.bad_code') });
    setErrors({});
    setBusy(true);
    report(t('provision.working'));
    try {
      const result = await call('provisioning.redeem', { hubUrl: hubUrl.trim(), code: code.trim() });
      if (result.ok) {
        report(t(result.restarting ? 'provision.done_restarting' : 'provision.done_manual', result));
        return;
      }
      const message =
        result.reason === 'rate_limited'
          ? t('provision.rate_limited', { seconds: result.retryAfterSeconds })
          : result.reason === 'invalid_config'
            ? t('provision.invalid_config', { field: result.field, message: result.message })
            : t(`provision.${result.reason}`);
      if (result.reason === 'bad_hub_url') setErrors({ hub: message });
      else if (CODE_FIELD_REASONS.has(result.reason)) setErrors({ code: message });
      report(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="provision-form" aria-labelledby="provision-heading">
      <h2 id="provision-heading">
        <Text ns={NS} k="provision.heading" />
      </h2>
      <p>
        <Text ns={NS} k="provision.intro" />
      </p>
      <TextField
        id="provision-hub"
        label={<Text ns={NS} k="provision.hub_url" />}
        hint={<Text ns={NS} k="provision.hub_hint" />}
        error={errors.hub}
        value={hubUrl}
        onChange={setHubUrl}
        inputMode="url"
        maxLength={HUB_URL_MAX}
        lang="en"
      />
      <OnScreenKeyboard
        layout="url"
        value={hubUrl}
        onChange={setHubUrl}
        onDone={() => codeInput.current?.focus()}
        maxLength={HUB_URL_MAX}
      />
      <TextField
        id="provision-code"
        label={<Text ns={NS} k="provision.code" />}
        hint={<Text ns={NS} k="provision.code_hint" />}
        error={errors.code}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        maxLength={CODE_MAX}
        privateValue
        inputRef={codeInput}
      />
      <OnScreenKeyboard
        layout="number"
        value={code}
        onChange={setCode}
        onDone={() => void submit()}
        maxLength={CODE_MAX}
        privateValue
      />
      <KioskButton variant="primary" disabled={busy} onPress={() => void submit()}>
        <Text ns={NS} k="provision.submit" />
      </KioskButton>
      <p className="technician-status" role="status">
        {status}
      </p>
    </section>
  );
}
