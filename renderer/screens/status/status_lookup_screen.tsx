import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusCardLookupResult } from '../../../common/contract/status_methods';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { FieldError } from '../../components/field_error';
import { KioskButton } from '../../components/kiosk_button';
import { OnScreenKeyboard } from '../../components/onscreen_keyboard/onscreen_keyboard';
import { ScreenHeading } from '../../components/screen_heading';
import { TextField } from '../../components/text_field';
import { disarmCardReader } from '../../data/id_card_data';
import { printStatusSlip } from '../../data/print_data';
import { lookupStatus, lookupStatusByCard } from '../../data/status_data';
import { localString, useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { PrintButton } from '../../printing/print_button';
import { statusParts } from './status_lines';

const NS = 'status';
const RECEIPT = /^[A-Za-z0-9-]{1,64}$/;
const FACTOR = /^[0-9]{5}[0-9Xx]$/;

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Field = 'receipt' | 'factor';

/**
 * "查询进度": receipt number and the last six of the ID number, asked of the hub through the core. One
 * on-screen keyboard, under the field being filled, serves it (capital letters, digits and "-" for the
 * receipt, the number pad with X for the six); its "done" moves on to the six, then looks it up. The answer is shown
 * large and spoken; when the centre cannot be reached it says so with the centre's phone.
 */
export function StatusLookupScreen() {
  const { t } = useTranslation(NS);
  const { store, terminal } = useApp();
  const speech = useSpeech();
  const announce = useAnnounce();
  const language = useLanguage();
  const [receiptNo, setReceiptNo] = useState('');
  const [factor, setFactor] = useState('');
  const [active, setActive] = useState<Field>('receipt');
  const [errors, setErrors] = useState<{ receipt?: string; factor?: string; lookup?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StatusCardLookupResult | null>(null);
  const [waitingCard, setWaitingCard] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const factorRef = useRef<HTMLInputElement>(null);
  const parts = result ? statusParts(result, localTime) : [];

  useEffect(() => {
    if (!result) return;
    resultRef.current?.focus();
    speech.sayParts(statusParts(result, localTime));
  }, [result, speech]);

  /** Shows and says what is wrong; true when nothing is. */
  const check = (fields: readonly Field[]): boolean => {
    const found = {
      ...(fields.includes('receipt') && !RECEIPT.test(receiptNo.trim())
        ? { receipt: t('receipt_format') }
        : {}),
      ...(fields.includes('factor') && !FACTOR.test(factor.trim()) ? { factor: t('factor_format') } : {}),
    };
    setErrors(found);
    if (!found.receipt && !found.factor) return true;
    announce.assertive([found.receipt, found.factor].filter(Boolean).join(' '));
    return false;
  };

  /** Asks the core; a call that fails outright is shown and spoken, and the form stays as filled. */
  const ask = async (lookup: (receipt: string) => Promise<StatusCardLookupResult>) => {
    setBusy(true);
    try {
      // Receipt numbers are printed in capitals; a visitor's lower case means the same receipt.
      setResult(await lookup(receiptNo.trim().toUpperCase()));
    } catch {
      setErrors({ lookup: t('failed') });
      announce.assertive(t('failed'));
    } finally {
      setBusy(false);
      setWaitingCard(false);
    }
  };

  const find = async () => {
    if (busy || !check(['receipt', 'factor'])) return;
    announce.polite(t('checking'));
    await ask((receipt) => lookupStatus({ receiptNo: receipt, factor: factor.trim() }));
  };

  // The card instead of the six: the core reads it and asks the hub; the page never sees the number.
  const findByCard = async () => {
    if (busy || !terminal.idCardReader || !check(['receipt'])) return;
    setWaitingCard(true);
    announce.assertive(
      t('card_waiting', { location: localString(terminal.idCardReader.location, language) }),
    );
    await ask((receipt) => lookupStatusByCard({ receiptNo: receipt }));
  };

  const keyboardDone = () => {
    if (active === 'factor') return void find();
    if (!check(['receipt'])) return;
    setActive('factor');
    factorRef.current?.focus();
  };

  // Under the field it types into, so the keypad's ↓ from a field goes straight into its keys.
  const keyboardUnder = (field: Field) =>
    active === field ? (
      <OnScreenKeyboard
        layout={field === 'receipt' ? 'code' : 'id_number'}
        value={field === 'receipt' ? receiptNo : factor}
        onChange={field === 'receipt' ? setReceiptNo : setFactor}
        onDone={keyboardDone}
        maxLength={field === 'receipt' ? 64 : 6}
        privateValue={field === 'factor'}
      />
    ) : null;

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
          {result.ok ? (
            <PrintButton what="status_slip" print={() => printStatusSlip({ language })}>
              <Text ns="print" k="buttons.status_slip" />
            </PrintButton>
          ) : null}
          <div className="forms-actions">
            <KioskButton
              variant="primary"
              onPress={() => {
                setResult(null);
                setReceiptNo('');
                setFactor('');
                setActive('receipt');
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
            onFocus={() => setActive('receipt')}
            maxLength={64}
          />
          {keyboardUnder('receipt')}
          <TextField
            id="status-factor"
            label={<Text ns={NS} k="factor_label" />}
            hint={<Text ns={NS} k="factor_hint" />}
            error={errors.factor}
            value={factor}
            onChange={setFactor}
            onFocus={() => setActive('factor')}
            inputRef={factorRef}
            inputMode="numeric"
            maxLength={6}
            privateValue
          />
          {keyboardUnder('factor')}
          {terminal.idCardReader ? (
            waitingCard ? (
              <div className="status-lookup__card" role="status">
                <p className="lead">
                  {t('card_waiting', { location: localString(terminal.idCardReader.location, language) })}
                </p>
                <KioskButton onPress={() => disarmCardReader({})}>
                  <Text ns={NS} k="card_cancel" />
                </KioskButton>
              </div>
            ) : (
              <KioskButton onPress={() => void findByCard()} disabled={busy}>
                <Text ns={NS} k="card_button" />
              </KioskButton>
            )
          ) : null}
          {errors.lookup ? <FieldError id="status-lookup-error">{errors.lookup}</FieldError> : null}
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
