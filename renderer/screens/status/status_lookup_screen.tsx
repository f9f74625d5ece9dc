import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusLookupResult } from '../../../common/contract/status_methods';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { TextField } from '../../components/text_field';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';
import { statusParts } from './status_lines';

const NS = 'status';
const RECEIPT = /^[A-Za-z0-9-]{1,64}$/;
const FACTOR = /^[0-9]{5}[0-9Xx]$/;

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * "查询进度": receipt number and the last six of the ID number, asked of the hub through the core. The
 * answer is shown large and spoken; when the centre cannot be reached it says so with the centre's phone.
 */
export function StatusLookupScreen() {
  const { t } = useTranslation(NS);
  const { store } = useApp();
  const speech = useSpeech();
  const announce = useAnnounce();
  const [receiptNo, setReceiptNo] = useState('');
  const [factor, setFactor] = useState('');
  const [errors, setErrors] = useState<{ receipt?: string; factor?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StatusLookupResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const parts = result ? statusParts(result, localTime) : [];

  useEffect(() => {
    if (!result) return;
    resultRef.current?.focus();
    speech.sayParts(statusParts(result, localTime));
  }, [result, speech]);

  const find = async () => {
    const receipt = receiptNo.trim();
    const six = factor.trim();
    const found = {
      ...(RECEIPT.test(receipt) ? {} : { receipt: t('receipt_format') }),
      ...(FACTOR.test(six) ? {} : { factor: t('factor_format') }),
    };
    setErrors(found);
    if (found.receipt || found.factor) {
      announce.assertive([found.receipt, found.factor].filter(Boolean).join(' '));
      return;
    }
    setBusy(true);
    announce.polite(t('checking'));
    try {
      setResult(await call('status.lookup', { receiptNo: receipt, factor: six }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen status-lookup" aria-labelledby="screen-heading">
      <ScreenHeading k="heading" ns={NS} intro={[{ k: 'intro', ns: NS }]} />
      <p className="lead">
        <Text ns={NS} k="intro" />
      </p>
      {result ? (
        <div className="status-lookup__result">
          <h3 id="status-result-heading" ref={resultRef} tabIndex={-1}>
            <Text ns={NS} k="result_heading" />
          </h3>
          {parts.map((part) => (
            <p key={part.k} className={`status-lookup__line status-lookup__line--${part.k.split('.')[0]}`}>
              {t(part.k, part.values)}
            </p>
          ))}
          <div className="forms-actions">
            <KioskButton
              variant="primary"
              onPress={() => {
                setResult(null);
                setReceiptNo('');
                setFactor('');
              }}
            >
              <Text ns={NS} k="again" />
            </KioskButton>
            <KioskButton onPress={() => store.endSession()}>
              <Text ns={NS} k="home" />
            </KioskButton>
          </div>
        </div>
      ) : (
        <form
          className="status-lookup__form"
          onSubmit={(event) => {
            event.preventDefault();
            void find();
          }}
        >
          <TextField
            id="status-receipt"
            label={<Text ns={NS} k="receipt_label" />}
            hint={<Text ns={NS} k="receipt_hint" />}
            error={errors.receipt}
            value={receiptNo}
            onChange={setReceiptNo}
            maxLength={64}
          />
          <TextField
            id="status-factor"
            label={<Text ns={NS} k="factor_label" />}
            hint={<Text ns={NS} k="factor_hint" />}
            error={errors.factor}
            value={factor}
            onChange={setFactor}
            inputMode="numeric"
            maxLength={6}
            privateValue
          />
          <div className="screen-actions">
            <KioskButton variant="primary" onPress={() => void find()} disabled={busy}>
              <Text ns={NS} k="find" />
            </KioskButton>
          </div>
        </form>
      )}
    </section>
  );
}
