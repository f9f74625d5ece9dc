import '../../styles/technician.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentHub } from '../../../common/contract/system_methods';
import { ChoiceList } from '../../components/choice_list';
import { KioskButton } from '../../components/kiosk_button';
import { OnScreenKeyboard } from '../../components/onscreen_keyboard/onscreen_keyboard';
import { TextField } from '../../components/text_field';
import { redeemEnrollment } from '../../data/technician_data';
import { Text } from '../../i18n/text';

const NS = 'technician';
const CODE_FIELD_REASONS = new Set(['bad_code', 'unknown_code', 'code_used', 'code_expired']);
const CODE_MAX = 40;

function HubLabel({ hub }: { hub: EnrollmentHub }) {
  return (
    <>
      {hub.name ? <>{hub.name} </> : null}
      <span lang="en">{hub.url}</span>
    </>
  );
}

/**
 * On the "not provisioned" screen: a technician sets the terminal up with a one-time enrollment code
 * (`npm run hub:enroll-code` on the hub). Only the hubs of the organisation profile shipped with the build
 * are offered — a passer-by cannot point the terminal anywhere else. The core writes the provisioning file
 * and restarts. A new terminal may have only its touch screen and keypad: the code has the number pad under
 * it; a physical keyboard works in the field.
 */
export function ProvisionForm({ hubs }: { hubs: readonly EnrollmentHub[] }) {
  const { t } = useTranslation(NS);
  const [hubUrl, setHubUrl] = useState(hubs[0]?.url ?? null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  // The status paragraph is a live region itself: the kit's announcer is not mounted on this screen.
  const report = setStatus;

  const submit = async () => {
    if (busy || !hubUrl) return;
    if (!/^[\d -]{12,40}$/.test(code.trim())) return setCodeError(t('provision.bad_code'));
    setCodeError(undefined);
    setBusy(true);
    report(t('provision.working'));
    try {
      const result = await redeemEnrollment({ hubUrl, code: code.trim() });
      if (result.ok) {
        report(t(result.restarting ? 'provision.done_restarting' : 'provision.done_manual', result));
        return;
      }
      const message =
        result.reason === 'rate_limited'
          ? t('provision.rate_limited', { seconds: result.retryAfterSeconds })
          : result.reason === 'invalid_config'
            ? t('provision.invalid_config', { field: result.field, message: result.message })
            : result.reason === 'forbidden_fields'
              ? t('provision.forbidden_fields', { fields: result.fields.join(', ') })
              : t(`provision.${result.reason}`);
      if (CODE_FIELD_REASONS.has(result.reason)) setCodeError(message);
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
      {hubs.length === 0 ? (
        <p className="technician-status" role="alert">
          <Text ns={NS} k="provision.no_hubs" />
        </p>
      ) : hubs.length === 1 ? (
        <p>
          <Text ns={NS} k="provision.hub" /> <HubLabel hub={hubs[0]!} />
        </p>
      ) : (
        <ChoiceList
          id="provision-hub"
          legend={<Text ns={NS} k="provision.hub_choice" />}
          options={hubs.map((hub) => ({ value: hub.url, label: <HubLabel hub={hub} /> }))}
          value={hubUrl}
          onChange={setHubUrl}
        />
      )}
      <TextField
        id="provision-code"
        label={<Text ns={NS} k="provision.code" />}
        hint={<Text ns={NS} k="provision.code_hint" />}
        error={codeError}
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
      <KioskButton variant="primary" disabled={busy || !hubUrl} onPress={() => void submit()}>
        <Text ns={NS} k="provision.submit" />
      </KioskButton>
      <p className="technician-status" role="status">
        {status}
      </p>
    </section>
  );
}
