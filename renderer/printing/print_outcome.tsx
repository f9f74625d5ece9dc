import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintErrorReason } from '../../common/contract/print_methods';
import { useAnnounce, useSpeech } from '../a11y/kit_context';

/** Why a print failed: the printer's reasons, a missing submission, or answers the fee engine refused. */
export type PrintFailure = PrintErrorReason | 'not_found' | 'invalid_input';

/** What was printed: a submission's papers, or a free-standing document (fee result, checklist, progress). */
export type PrintWhat = 'receipt' | 'application' | 'code' | 'fee_result' | 'checklist' | 'status_slip';

export type PrintState =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'done' }
  | { state: 'failed'; reason: PrintFailure };

/** Free-standing documents have their own texts: nothing was filed, so no "your application is saved". */
function outcomeKey(what: PrintWhat, outcome: 'done' | PrintFailure): string {
  const document = what === 'fee_result' || what === 'checklist' || what === 'status_slip';
  if (outcome === 'done') return document ? `print:done.${what}` : `print.done_${what}`;
  return document ? `print:document_errors.${outcome}` : `print:errors.${outcome}`;
}

/**
 * The outcome of a print in large text: success only when the core said so; a failure says what happened
 * and to ask at the front desk, announced (assertive, so also spoken).
 */
export function PrintOutcome({ outcome, what }: { outcome: PrintState; what: PrintWhat }) {
  const { t } = useTranslation('forms_ui');
  const announcer = useAnnounce();
  const speech = useSpeech();
  const message =
    outcome.state === 'failed'
      ? t(outcomeKey(what, outcome.reason))
      : outcome.state === 'done'
        ? t(outcomeKey(what, 'done'))
        : outcome.state === 'printing'
          ? t('print.printing')
          : '';
  useEffect(() => {
    if (outcome.state === 'failed') announcer.assertive(message);
    else if (outcome.state === 'done') {
      announcer.polite(message);
      speech.sayText(message, 'ui');
    }
  }, [outcome.state, message, announcer, speech]);
  if (!message) return null;
  return (
    <p className={`print-outcome print-outcome--${outcome.state}`} id={`print-outcome-${what}`}>
      {message}
    </p>
  );
}
